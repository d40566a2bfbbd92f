--engine and :engine say where statements run. Their mistakes are usage errors (exit 2) that say
what is wrong; a server that is not there is said as such. (The rows Spark returns are checked
against a real server by QuarrySparkTests.)

  $ mkdir graph && printf 'id:ID(Person),name\n1,Ada\n' > graph/Person.csv
  $ quarry --engine sc://127.0.0.1:15099 -c 'RETURN 1'
  quarry: --engine and --graph go together: --engine sc://HOST:PORT --graph DIR
  [2]
  $ quarry --graph graph -c 'RETURN 1'
  quarry: --engine and --graph go together: --engine sc://HOST:PORT --graph DIR
  [2]
  $ quarry --engine http://127.0.0.1:15099 --graph graph -c 'RETURN 1'
  quarry: a Spark Connect address starts with sc:// (sc://host:port), not http://127.0.0.1:15099
  [2]
  $ quarry --engine sc://127.0.0.1:99999 --graph graph -c 'RETURN 1'
  quarry: sc://127.0.0.1:99999 does not name a host and a port (sc://host:port)
  [2]
  $ quarry --engine sc://127.0.0.1:15099 --graph nowhere -c 'RETURN 1'
  quarry: nowhere: no such folder
  [2]
  $ quarry --engine sc://127.0.0.1:1 --graph graph -c 'RETURN 1' 2>&1 | sed 's/ (.*)//'
  quarry: the Spark Connect server at sc://127.0.0.1:1 cannot be reached; is it running?

In the shell, :engine tells, and moves statements back to memory.

  $ quarry --empty -c ':engine' -c ':engine memory' -c ':engine sideways'
  Statements run in memory.
  Statements run in memory.
  -c:1:1: error: usage: :engine [memory|sc://HOST:PORT DIR]
    :engine sideways
    ^^^^^^^^^^^^^^^^
  [1]

:spark (where each file is read from; convert writes Parquet copies) needs a Spark session.

  $ quarry --empty -c ':spark convert'
  -c:1:1: error: statements run in memory; :engine sc://HOST:PORT DIR runs them on Spark first
    :spark convert
    ^^^^^^^^^^^^^^
  [1]
