DOT files come in whole, whatever their layout: one line or many, `;` or not, chains, `--`,
subgraphs as edge ends, CRLF line ends, comments and quoted ids.

  $ printf 'digraph G { a -> b -> c; d -- e; f }' > one-line.dot
  $ quarry --empty --format csv -c ':import one-line.dot' -c 'MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN n.name, type(r), m.name ORDER BY n.name'
  Imported one-line.dot: 6 nodes, 3 relationships.
  n.name,type(r),m.name
  a,RELATED,b
  b,RELATED,c
  c,,
  d,RELATED,e
  e,,
  f,,

  $ printf 'digraph G {\r\n  // a comment\r\n  a -> b\r\n  b -> {c d} [weight=2] /* two edges */\r\n  "x y" [label="X\\"Y", color=red]\r\n}\r\n' > crlf.dot
  $ quarry --empty --format csv -c ':import crlf.dot' -c 'MATCH (a)-[r]->(b) RETURN a.name, r.weight, b.name ORDER BY b.name' -c "MATCH (n {name: 'x y'}) RETURN n.label, n.color"
  Imported crlf.dot: 5 nodes, 3 relationships.
  a.name,r.weight,b.name
  a,,b
  b,2,c
  b,2,d
  n.label,n.color
  "X""Y",red

A malformed file is refused with its place, and the graph stays as it was.

  $ printf 'digraph {\n  a -> }\n' > broken.dot
  $ quarry --empty -c 'CREATE (:Kept)' -c ':import broken.dot' --no-bail -c 'MATCH (n) RETURN labels(n) AS kept'
  Created 1 node, added 1 label
  ┌──────────┐
  │ kept     │
  ├──────────┤
  │ ['Kept'] │
  └──────────┘
  1 row
  quarry: broken.dot:2:8: expected a node id, a subgraph or '}'
      a -> }
           ^
  quarry: warning: the changes made in this session are not saved: the graph was in memory only (open a graph file with --db FILE, or :save FILE)
  [1]

Labels holding ':' and every property type survive an export and an import.

  $ quarry --empty -c "CREATE (:\`Odd:Label\`:Plain {name: 'a', n: 1, xs: [1, 2], when: date('2024-01-02'), t: 'line\nbreak \"q\" \\\\'})-[:\`HAS TYPE\` {w: 0.5}]->(:B)" -c ':export dot g.dot' >/dev/null 2>&1
  $ quarry --empty -c ':import g.dot' -c ':nodes full' -c 'MATCH (a)-[r]->(b) RETURN a, r, b'
  Imported g.dot: 2 nodes, 1 relationship.
  ┌───────────────────────────────────────────────────────────────────────────────────────────────────────┬────────────────────────┬──────┐
  │ a                                                                                                     │ r                      │ b    │
  ├───────────────────────────────────────────────────────────────────────────────────────────────────────┼────────────────────────┼──────┤
  │ (:`Odd:Label`:Plain {n: 1, name: 'a', t: 'line\nbreak "q" \\', when: date('2024-01-02'), xs: [1, 2]}) │ [:`HAS TYPE` {w: 0.5}] │ (:B) │
  └───────────────────────────────────────────────────────────────────────────────────────────────────────┴────────────────────────┴──────┘
  1 row
