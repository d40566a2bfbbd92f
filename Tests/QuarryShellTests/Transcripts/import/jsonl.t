A JSON Lines graph holds only what a graph can: each refusal names its line, and the graph stays
as it was.

  $ printf '{"type":"node","id":1,"labels":["A"],"properties":{"m":{"x":1}}}\n' > map.jsonl
  $ quarry --empty -c ':import map.jsonl'
  quarry: map.jsonl:1:1: the property m is a Map: a property holds a number, text, boolean, date or a list of those
    {"type":"node","id":1,"labels":["A"],"properties":{"m":{"x":1}}}
    ^
  [1]
  $ printf '{"type":"node","id":1,"properties":{"l":[[1],[2]]}}\n' > nested.jsonl
  $ quarry --empty -c ':import nested.jsonl'
  quarry: nested.jsonl:1:1: the property l is a list holding lists or maps: a property holds a number, text, boolean, date or a list of those
    {"type":"node","id":1,"properties":{"l":[[1],[2]]}}
    ^
  [1]
  $ printf '{"type":"node","id":1,"labels":["A",7]}\n' > label.jsonl
  $ quarry --empty -c ':import label.jsonl'
  quarry: label.jsonl:1:1: a label must be a string, not 7
    {"type":"node","id":1,"labels":["A",7]}
    ^
  [1]
  $ printf '{"type":"node","id":1}\n{"type":"node","id":2}\n{"type":"relationship","id":5,"label":"R","start":1,"end":2}\n{"type":"relationship","id":5,"label":"R","start":2,"end":1}\n' > twice.jsonl
  $ quarry --empty -c ':import twice.jsonl'
  quarry: twice.jsonl:4:1: the relationship id 5 appears twice
    {"type":"relationship","id":5,"label":"R","start":2,"end":1}
    ^
  [1]

CRLF line ends, nulls and dates come in as they should.

  $ printf '{"type":"node","id":1,"labels":["A"],"properties":{"d":{"@date":"2022-09-05"},"gone":null,"xs":[1,2]}}\r\n' > crlf.jsonl
  $ quarry --empty -c ':import crlf.jsonl' -c 'MATCH (a:A) RETURN a'
  Imported crlf.jsonl: 1 node, 0 relationships.
  ┌──────────────────────────────────────────┐
  │ a                                        │
  ├──────────────────────────────────────────┤
  │ (:A {d: date('2022-09-05'), xs: [1, 2]}) │
  └──────────────────────────────────────────┘
  1 row
