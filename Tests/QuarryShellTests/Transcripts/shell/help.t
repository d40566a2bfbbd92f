:help lists the commands; :help functions and :help procedures list what queries can call.

  $ quarry --empty -c ':help procedures' | head -1
  Procedures (CALL name(...) YIELD ...; CALL dbms.procedures() gives them as rows):
  $ quarry --empty -c ':help procedures' | grep -A1 -E 'db.labels\(\)'
    db.labels() :: (label :: STRING)
        The labels some node has.
  $ quarry --empty -c ':help functions' | grep -E 'Functions|substring|collect|coalesce'
  Functions (CALL dbms.functions() gives them as rows):
    coalesce(value, ...)                  the first argument that is not null
    collect(value) (aggregating)          the non-null values as a list
    substring(value, value[, value])      part of a text: from a start (0-based), of a length
  $ quarry --empty -c ':help' | tail -2
  Tab completes keywords, labels, types, properties, variables, $parameters, names and procedures.
  :help functions and :help procedures list what queries can call.

A standalone CALL prints its rows like any statement; a wrong name says what exists.

  $ quarry --empty --format csv -c "CREATE (:A)-[:R]->(:B)" -c "CALL db.labels()"
  label
  A
  B
  quarry: warning: the changes made in this session are not saved: the graph was in memory only (open a graph file with --db FILE, or :save FILE)
  $ quarry --empty -c "CALL db.label()"
  -c:1:6: ProcedureError: ProcedureNotFound: there is no procedure named db.label (CALL dbms.procedures() lists them) (did you mean db.labels?)
    CALL db.label()
         ^^^^^^^^
  [1]
