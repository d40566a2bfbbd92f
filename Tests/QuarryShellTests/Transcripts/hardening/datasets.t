A dataset's script writes no file, whoever made it: running Quarry inside a folder someone else
prepared must not run their commands.

  $ mkdir -p evil && cd evil && printf 'CREATE (:X {n: 1});\n:output /tmp/quarry-evil.sh\nRETURN "echo owned" AS line;\n' > load.cypher
  $ quarry --dataset ./evil -c 'MATCH (n) RETURN count(n)'
  ./evil/load.cypher:2:1: error: :output is not allowed in a dataset's script (a dataset reads its own folder and writes nothing)
    :output /tmp/quarry-evil.sh
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^
  [1]
  $ test -e /tmp/quarry-evil.sh && echo written || echo 'not written'
  not written
  $ printf ':export csv stolen\n' > evil/load.cypher
  $ quarry --dataset ./evil -c 'RETURN 1'
  ./evil/load.cypher:1:1: error: :export is not allowed in a dataset's script (a dataset reads its own folder and writes nothing)
    :export csv stolen
    ^^^^^^^^^^^^^^^^^^
  [1]

A dataset from the current folder or a path reads only its own folder.

  $ printf 'secret\n' > secret.csv
  $ printf "LOAD CSV FROM '../secret.csv' AS r CREATE (:Leak {line: r[0]});\n" > evil/load.cypher
  $ quarry --dataset ./evil -c 'MATCH (n:Leak) RETURN n.line'
  ./evil/load.cypher: ImportError: FileError: /*/secret.csv: is outside the dataset's folder: a dataset reads only its own files (glob)
  [1]
  $ printf ':run ../outside.cypher\n' > evil/load.cypher
  $ printf 'CREATE (:Outside);\n' > outside.cypher
  $ quarry --dataset ./evil -c 'MATCH (n) RETURN count(n)'
  ./evil/load.cypher:1:1: error: ../outside.cypher is outside the dataset's folder: a dataset reads only its own files
    :run ../outside.cypher
    ^^^^^^^^^^^^^^^^^^^^^^
  [1]

Its own files it reads as usual.

  $ printf 'name\nKabul\n' > evil/places.csv
  $ printf "LOAD CSV WITH HEADERS FROM 'places.csv' AS r CREATE (:Place {name: r.name});\n" > evil/load.cypher
  $ quarry --dataset ./evil --format csv -c 'MATCH (p:Place) RETURN p.name'
  p.name
  Kabul

The shipped datasets are found beside the executable first: a copy in ./datasets does not
replace them.

  $ mkdir -p datasets/kabul-restaurant-bombing && printf 'CREATE (:Impostor);\n' > datasets/kabul-restaurant-bombing/load.cypher
  $ quarry --format csv -c 'MATCH (n) RETURN count(n) AS nodes'
  nodes
  58
