A statement that finds nothing because a value is not in the graph says why; `:hints off` stops it.

  $ quarry --format csv -c "MATCH (a:Actor {name: 'Beijing'}) RETURN a.name" 2>&1
  -c:1:23: warning: no :Actor has name 'Beijing' ('China' has it among its other names)
    MATCH (a:Actor {name: 'Beijing'}) RETURN a.name
                          ^^^^^^^^^
  a.name
  $ quarry --format csv -c ':hints off' -c "MATCH (a:Actor {name: 'Beijing'}) RETURN a.name" 2>&1
  a.name

A text test that fails only because of case names the fix.

  $ quarry --format csv -c "MATCH (a:Actor) WHERE a.name CONTAINS 'Business' RETURN a.name" 2>&1
  -c:1:39: warning: no :Actor has name CONTAINS 'Business' as written ('Chinese businesspeople' does in another case: toLower(a.name) CONTAINS 'business' ignores case)
    MATCH (a:Actor) WHERE a.name CONTAINS 'Business' RETURN a.name
                                          ^^^^^^^^^^
  a.name
