A statement that finds nothing because a value is not in the graph says why; `:hints off` stops it.

  $ quarry --format markdown -c "MATCH (a:Actor {name: 'Beijing'}) RETURN a.name" 2>&1
  -c:1:23: warning: no :Actor has name 'Beijing' ('China' has it among its other names)
    MATCH (a:Actor {name: 'Beijing'}) RETURN a.name
                          ^^^^^^^^^
  | a.name |
  |---|
  $ quarry --format markdown -c ':hints off' -c "MATCH (a:Actor {name: 'Beijing'}) RETURN a.name" 2>&1
  | a.name |
  |---|

An alias and a slip of a letter are named too.

  $ quarry --format markdown -c "MATCH (a:Actor {name: 'Islamic State Khorasan Province'}) RETURN a.name" -c "MATCH (a:Actor) WHERE a.name = 'Guo Jaikun' RETURN a.role" 2>&1
  -c:1:23: warning: no :Actor has name 'Islamic State Khorasan Province' ('ISIS-K' has it among its other names)
    MATCH (a:Actor {name: 'Islamic State Khorasan Province'}) RETURN a.name
                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  | a.name |
  |---|
  -c:1:32: warning: no :Actor has name 'Guo Jaikun' (did you mean 'Guo Jiakun'?)
    MATCH (a:Actor) WHERE a.name = 'Guo Jaikun' RETURN a.role
                                   ^^^^^^^^^^^^
  | a.role |
  |---|

A text test that fails only because of case names the fix.

  $ quarry --format markdown -c "MATCH (a:Actor) WHERE a.name CONTAINS 'Business' RETURN a.name" 2>&1
  -c:1:39: warning: no :Actor has name CONTAINS 'Business' as written ('Chinese businesspeople' does in another case: toLower(a.name) CONTAINS 'business' ignores case)
    MATCH (a:Actor) WHERE a.name CONTAINS 'Business' RETURN a.name
                                          ^^^^^^^^^^
  | a.name |
  |---|

With no value to point at, the hint names the step of the plan where the rows ran out.

  $ quarry --format markdown -c "MATCH (a:Actor {name: 'ISIS-K'})-[:MADE]->(c)-[:ABOUT]->(p:Place) RETURN c.name" 2>&1
  -c: warning: nothing matched at Expand (c)-[:ABOUT]->(p) WHERE p:Place, for any of the 3 rows before it (PROFILE shows each step's rows)
  | c.name |
  |---|

Hints are for a reader: a machine format (csv, tsv, json, jsonl) never gets them.

  $ quarry --format csv -c "MATCH (a:Actor {name: 'Beijing'}) RETURN a.name" 2>&1
  a.name

A pattern that stops at a named place misses what happened in the places inside it: the hint
counts them and writes the pattern that reaches them (in UCDP's graph, 2 events in Afghanistan
itself against 135 with its provinces and towns).

  $ quarry --format markdown -c "MATCH (e:Event)-[:OCCURRED_IN]->(:Place {name: 'Kabul'}) RETURN e.name" -c "MATCH (e:Event)-[:OCCURRED_IN]->()-[:IN*0..]->(:Place {name: 'Kabul'}) RETURN e.name" 2>&1
  -c:1:33: warning: 'Kabul' has 3 :Place nodes under it through :IN, which this pattern does not reach; to include them: -[:OCCURRED_IN]->()-[:IN*0..]->(:Place {name: 'Kabul'})
    MATCH (e:Event)-[:OCCURRED_IN]->(:Place {name: 'Kabul'}) RETURN e.name
                                    ^^^^^^^^^^^^^^^^^^^^^^^^
  | e.name |
  |---|
  | e.name |
  |---|
  | Kabul restaurant bombing |
  | Sher-e-Naw hotel assault |
