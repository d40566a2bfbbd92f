A script's statements into a graph file are synced in groups and their results shown only once
they are on the disk; output and errors keep their order.

  $ printf "CREATE (:N {i: 1});\nCREATE (:N {i: 2});\nMATCH (n:N) RETURN n.i + ;\nCREATE (:N {i: 3});\nMATCH (n:N) RETURN count(n) AS n;\n" > s.cypher
  $ quarry case.quarry --no-bail s.cypher 2>&1
  Created 1 node, set 1 property, added 1 label
  Created 1 node, set 1 property, added 1 label
  s.cypher:3:25: SyntaxError: UnexpectedToken: expected an expression, found end of input
    MATCH (n:N) RETURN n.i + ;
                            ^
  Created 1 node, set 1 property, added 1 label
  ┌───┐
  │ n │
  ├───┤
  │ 3 │
  └───┘
  1 row
  [1]
  $ quarry case.quarry --format csv -c 'MATCH (n:N) RETURN collect(n.i) AS numbers'
  numbers
  "[1, 2, 3]"
