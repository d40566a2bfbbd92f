:draw lays out what a query returns, or a node's neighbourhood, with Graphviz: SVG, PNG or a
self-contained HTML page, by the file's name.

  $ quarry -c ':draw ego ISIS-K 1 isis.svg' -c ':draw ego ISIS-K 1 isis.png' -c ":draw MATCH p = (:Actor {name: 'China'})-[:ISSUED]->() RETURN p issued.html"
  Drew 7 nodes and 6 relationships in isis.svg
  Drew 7 nodes and 6 relationships in isis.png
  Drew 6 nodes and 5 relationships in issued.html
  $ grep -c 'Amaq News Agency' isis.svg
  1
  $ grep -o 'Chinese travel advisory' issued.html | head -1
  Chinese travel advisory
  $ python3 "$TESTDIR/analyst/png_matches_svg.py" isis.png isis.svg
  PNG size matches the drawing

A name several nodes have asks for an id.

  $ quarry -c ':draw ego China'
  -c:1:1: error: several nodes fit 'China': 4 (:Actor 'China'), 23 (:Place 'China'); :draw ego takes an id
    :draw ego China
    ^^^^^^^^^^^^^^^
  [1]
  $ quarry -c ':draw ego 4 2' | sed 's#in /.*#in a temporary file#'
  Drew 31 nodes and 52 relationships in a temporary file

Nothing to draw, too much to draw, and no such node are said as such.

  $ quarry -c ":draw MATCH (n:Actor {name: 'Nobody'}) RETURN n"
  -c:1:1: error: nothing to draw: no nodes (a query's rows must hold nodes, relationships or paths)
    :draw MATCH (n:Actor {name: 'Nobody'}) RETURN n
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  [1]
  $ quarry -c ':draw ego Atlantis 2'
  -c:1:1: error: no node is named 'Atlantis' (:find Atlantis searches names and aliases)
    :draw ego Atlantis 2
    ^^^^^^^^^^^^^^^^^^^^
  [1]
  $ quarry -c ':draw ego China 9'
  -c:1:1: error: a neighbourhood is 1 to 4 hops deep
    :draw ego China 9
    ^^^^^^^^^^^^^^^^^
  [1]
  $ quarry --empty -c 'UNWIND range(1, 2001) AS i CREATE (:N)' -c ':draw MATCH (n) RETURN n' 2>&1 | grep -v warning
  Created 2001 nodes, added 2001 labels
  -c:1:1: error: too many nodes to draw: 2001 (at most 2000); narrow the query or draw a neighbourhood (:draw ego NAME 1)
    :draw MATCH (n) RETURN n
    ^^^^^^^^^^^^^^^^^^^^^^^^
