A CSV export reads back as it was: every type kept (a key holding an integer on one node and a
list on another goes to two files), empty lists, relationship types that differ only in spaces.

  $ quarry --empty -c "CREATE (:P {k: 1, e: []})-[:\`A B\`]->(:P {k: ['x', 'y'], e: ['z']})-[:A_B {w: 2}]->(:P {k: 'text'})" -c ':export csv out' >/dev/null 2>&1
  $ ls out
  nodes_0_P.csv
  nodes_1_P.csv
  nodes_2_P.csv
  rels_3_A_B.csv
  rels_4_A_B.csv
  $ quarry --import out --format csv -c 'MATCH (n:P) OPTIONAL MATCH (n)-[r]->(m) RETURN n.k, n.e, type(r), r.w, m.k ORDER BY coalesce(r.w, 0), type(r)'
  n.k,n.e,type(r),r.w,m.k
  1,[],A B,,"['x', 'y']"
  text,,,,
  "['x', 'y']",['z'],A_B,2,text

Exporting again replaces the folder whole: nothing of the earlier export is left behind.

  $ quarry --empty -c "CREATE (:Q {n: 1})" -c ':export csv out' >/dev/null 2>&1
  $ ls out
  nodes_0_Q.csv

What the CSV layout cannot hold is refused, and the folder is left as it was.

  $ quarry --empty -c "CREATE (:\`Odd;Label\`)" -c ':export csv out'
  Created 1 node, added 1 label
  -c:1:1: error: out: the label 'Odd;Label' holds ';', which separates labels in CSV (export as jsonl, or :save a graph file)
    :export csv out
    ^^^^^^^^^^^^^^^
  quarry: warning: the changes made in this session are not saved: the graph was in memory only (open a graph file with --db FILE, or :save FILE)
  [1]
  $ quarry --empty -c "CREATE ({xs: ['x;y', 'z']})" -c ':export csv out' 2>&1 | grep out:
  -c:1:1: error: out: xs of node 0 is ['x;y', 'z']: an item holds ';', which separates list items in CSV (export as jsonl, or :save a graph file)
  $ quarry --empty -c "CREATE ({xs: [1, 'a']})" -c ':export csv out' 2>&1 | grep out:
  -c:1:1: error: out: xs of node 0 is [1, 'a']: CSV lists hold one type and no null (export as jsonl, or :save a graph file)
  $ ls out
  nodes_0_Q.csv

A folder holding other files is never replaced.

  $ mkdir notes && touch notes/todo.txt
  $ quarry --empty -c ':export csv notes' 2>&1 | grep notes:
  -c:1:1: error: notes: holds other files (todo.txt); export into a new or empty folder
  $ ls notes
  todo.txt

An import refuses a header naming a column twice.

  $ mkdir dup && printf 'id:ID,name,name\n1,a,b\n' > dup/people.csv
  $ quarry --import dup
  quarry: dup/people.csv:1:12: the column name appears twice in the header
    id:ID,name,name
               ^
  [2]
