`:history FILE` writes the session's statements as a script that runs again.

  $ quarry --empty --format csv -c "CREATE (:Actor {name: 'ISIS-K'})" -c 'MATCH (a:Actor) RETURN a.name' -c ':history session.cypher' 2>/dev/null
  a.name
  ISIS-K
  Wrote 2 statements to session.cypher.
  $ cat session.cypher
  CREATE (:Actor {name: 'ISIS-K'});
  MATCH (a:Actor) RETURN a.name;
  $ quarry --empty --format csv session.cypher 2>/dev/null
  a.name
  ISIS-K
