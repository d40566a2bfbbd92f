:undo takes back the last statement that changed the graph, and says what it took back.

  $ quarry --empty -c "CREATE (:Source {name: 'Reuters'})" -c "MATCH (s:Source) SET s.name = 'Routers', s:Wrong" -c ':undo' -c 'MATCH (s:Source) RETURN s.name, labels(s)' -c ':undo' 2>/dev/null
  Created 1 node, set 1 property, added 1 label
  Set 1 property, added 1 label
  Took back MATCH (s:Source) SET s.name = 'Routers', s:Wrong (it had set 1 property, added 1 label).
  ┌───────────┬────────────┐
  │ s.name    │ labels(s)  │
  ├───────────┼────────────┤
  │ 'Reuters' │ ['Source'] │
  └───────────┴────────────┘
  1 row
  Nothing to take back: no statement has changed the graph since it was loaded, opened or last undone.

In a graph file the undo is saved at once: the file reopened does not bring the statement back.

  $ quarry case.quarry -c "CREATE (:Fact {text: 'kept'})" -c "CREATE (:Fact {text: 'typo'})" -c ':undo'
  Created 1 node, set 1 property, added 1 label
  Created 1 node, set 1 property, added 1 label
  Took back CREATE (:Fact {text: 'typo'}) (it had created 1 node, set 1 property, added 1 label).
  $ quarry case.quarry --format csv -c 'MATCH (f:Fact) RETURN f.text'
  f.text
  kept
