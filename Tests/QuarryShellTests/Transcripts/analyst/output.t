In tables a node with a name shows as its labels and name, and a path as the chain of them;
:nodes full shows every property.

  $ quarry -c "MATCH p = (a:Actor {name: 'ISIS-K'})-[:MADE]->(c:Claim) RETURN a, p ORDER BY c.name LIMIT 1"
  ┌───────────────────┬──────────────────────────────────────────────────────────────┐
  │ a                 │ p                                                            │
  ├───────────────────┼──────────────────────────────────────────────────────────────┤
  │ (:Actor 'ISIS-K') │ (:Actor 'ISIS-K')-[:MADE]->(:Claim 'ISIS-K casualty figure') │
  └───────────────────┴──────────────────────────────────────────────────────────────┘
  1 row
  $ quarry -c ':nodes full' -c "MATCH (a:Actor {name: 'ISIS-K'}) RETURN a"
  ┌──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
  │ a                                                                                                                                │
  ├──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┤
  │ (:Actor {aliases: ['Islamic State Khorasan Province'], kind: 'militant_group', name: 'ISIS-K', para: 1, source: 'kabul-report'}) │
  └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
  1 row

:expanded on shows a record at a time, a line per column (auto, the default, does so when a
table would not fit the terminal).

  $ quarry -c ':expanded on' -c "MATCH (c:Claim) RETURN c.name AS claim, c.verb AS verb ORDER BY claim LIMIT 2"
  ─[ 1 ]───────────────────────────────────────
  claim │ 'Attacks cast doubt on Taliban capacity'
  verb  │ 'cast doubt'
  ─[ 2 ]───────────────────────────────────────
  claim │ 'Attribution of past attacks'
  verb  │ 'attributed'
  2 rows
  $ quarry -c ':expanded sideways'
  -c:1:1: error: usage: :expanded on|off|auto (now auto)
    :expanded sideways
    ^^^^^^^^^^^^^^^^^^
  [1]
