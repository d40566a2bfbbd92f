GraphML is read by Quarry's own XML reader: CDATA and declared entities keep their text, edges
may come before their nodes, a key's <default> fills what is missing.

  $ cat > people.graphml <<'XML'
  > <?xml version="1.0" encoding="UTF-8"?>
  > <!DOCTYPE graphml [ <!ENTITY org "Islamic State &#8211; Khorasan"> ]>
  > <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  >   <key id="labels" for="node" attr.name="labels" attr.type="string"/>
  >   <key id="d0" for="node" attr.name="note" attr.type="string"/>
  >   <key id="d1" for="node" attr.name="size" attr.type="int"><default>7</default></key>
  >   <key id="d2" for="edge" attr.name="label" attr.type="string"/>
  >   <graph edgedefault="directed">
  >     <edge source="a" target="b"><data key="d2">CLAIMED</data></edge>
  >     <node id="a"><data key="labels">:Actor:`Odd:Label`</data><data key="d0">pre<![CDATA[ a < b ]]>post &org;</data></node>
  >     <node id="b"><data key="d1">3</data></node>
  >   </graph>
  > </graphml>
  > XML
  $ quarry --empty --format csv -c ':import people.graphml' -c 'MATCH (a)-[r]->(b) RETURN labels(a), a.note, a.size, type(r), b.size'
  Imported people.graphml: 2 nodes, 1 relationship.
  labels(a),a.note,a.size,type(r),b.size
  "['Actor', 'Odd:Label']",pre a < b post Islamic State – Khorasan,7,CLAIMED,3

An entity-expansion bomb, other XML, and broken files are refused with their place.

  $ cat > laughs.graphml <<'XML'
  > <?xml version="1.0"?>
  > <!DOCTYPE lolz [
  >  <!ENTITY lol "lol">
  >  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  >  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  >  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  >  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  >  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  >  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  >  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  >  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  >  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
  > ]>
  > <graphml><key id="x" for="node" attr.name="x"/><graph><node id="n"><data key="x">&lol9;</data></node></graph></graphml>
  > XML
  $ quarry --empty -c ':import laughs.graphml'
  quarry: laughs.graphml:14:82: entities expand to more than 16 MB (an entity-expansion bomb?); refused
    <graphml><key id="x" for="node" attr.name="x"/><graph><node id="n"><data key="x">&lol9;</data></node></graph></graphml>
                                                                                     ^
  [1]
  $ printf '<?xml version="1.0"?>\n<root><a>x</a></root>\n' > other.graphml
  $ quarry --empty -c ':import other.graphml'
  quarry: other.graphml:2:1: not GraphML: the root element is <root>, not <graphml>
    <root><a>x</a></root>
    ^
  [1]
  $ printf '<graphml><graph><node id="a"/><edge source="a" target="z"/></graph></graphml>' > dangling.graphml
  $ quarry --empty -c ':import dangling.graphml'
  quarry: dangling.graphml:1:31: an edge joins the node z, which the file never defines
    <graphml><graph><node id="a"/><edge source="a" target="z"/></graph></graphml>
                                  ^
  [1]
  $ printf '<graphml>\n<graph>\n<node id="a">\n</graph></graphml>' > unclosed.graphml
  $ quarry --empty -c ':import unclosed.graphml'
  quarry: unclosed.graphml:4:1: </graph> closes <node>
    </graph></graphml>
    ^
  [1]
  $ printf '<graphml><key id="k" attr.name="n" attr.type="int"/><graph><node id="a"><data key="k">x1</data></node></graph></graphml>' > typed.graphml
  $ quarry --empty -c ':import typed.graphml'
  quarry: typed.graphml:1:73: 'x1' for the int key n is not an integer
    <graphml><key id="k" attr.name="n" attr.type="int"/><graph><node id="a"><data key="k">x1</data></node></graph></graphml>
                                                                            ^
  [1]

An export of more than 10 MB comes back whole.

  $ quarry --empty -c 'UNWIND range(1, 80000) AS i CREATE (:N {i: i, name: "node number " + toString(i)})' -c ':export graphml big.graphml' >/dev/null 2>&1
  $ quarry --empty -c ':import big.graphml' -c 'MATCH (n:N) RETURN count(*), sum(n.i)'
  Imported big.graphml: 80000 nodes, 0 relationships.
  ┌──────────┬────────────┐
  │ count(*) │ sum(n.i)   │
  ├──────────┼────────────┤
  │    80000 │ 3200040000 │
  └──────────┴────────────┘
  1 row
