Errors say why and point at the place.

  $ quarry --empty -c "RETURN 'a' =~ 'x(a'"
  -c:1:15: ArgumentError: InvalidRegex: 'x(a' is not a valid regular expression: unclosed group at character 2
    RETURN 'a' =~ 'x(a'
                  ^^^^^
  [1]
  $ quarry --empty -c "UNWIND [9223372036854775807, 1] AS x RETURN sum(x)"
  -c:1:45: ArithmeticError: IntegerOverflow: sum() overflows a 64-bit integer
    UNWIND [9223372036854775807, 1] AS x RETURN sum(x)
                                                ^^^^^^
  [1]
  $ quarry --empty -c "LOAD CSV FROM 'x.csv' AS r FIELDTERMINATOR 'é' RETURN r"
  -c:1:44: ArgumentError: InvalidArgumentValue: FIELDTERMINATOR must be one ASCII character other than a quote or line break, got 'é'
    LOAD CSV FROM 'x.csv' AS r FIELDTERMINATOR 'é' RETURN r
                                               ^^^
  [1]
  $ quarry --empty -c "LOAD CSV FROM 'x.csv' AS r FIELDTERMINATOR '||' RETURN r"
  -c:1:44: ArgumentError: InvalidArgumentValue: FIELDTERMINATOR must be one ASCII character other than a quote or line break, got '||'
    LOAD CSV FROM 'x.csv' AS r FIELDTERMINATOR '||' RETURN r
                                               ^^^^
  [1]

Values nest at most 1,000 deep: deeper ones would exhaust the stack when printed or freed.

  $ quarry --empty -c "RETURN size(reduce(l = [], x IN range(1, 2000000) | [l])) AS deep"
  -c:1:53: RuntimeError: NestingTooDeep: lists and maps nested more than 1000 deep; the statement was stopped and the graph is as it was
    RETURN size(reduce(l = [], x IN range(1, 2000000) | [l])) AS deep
                                                        ^^^
  [1]
  $ quarry --empty -c "RETURN size(reduce(l = [], x IN range(1, 999) | [l])) AS fine"
  ┌──────┐
  │ fine │
  ├──────┤
  │    1 │
  └──────┘
  1 row

--params takes JSON only: no NaN, no leading zeros, and no integer rounded to fit.

  $ quarry --empty --params '{"a": NaN}' -c 'RETURN $a'
  quarry: --params: 'NaN' is not a JSON value at offset 6
  [2]
  $ quarry --empty --params '{"a": 01}' -c 'RETURN $a'
  quarry: --params: '01' is not a JSON value at offset 6
  [2]
  $ quarry --empty --params '{"a": 99999999999999999999}' -c 'RETURN $a'
  quarry: --params: 99999999999999999999 is too large for a 64-bit integer at offset 6
  [2]
  $ quarry --empty --format csv --params '{"a": -0.5e2, "b": 9223372036854775807}' -c 'RETURN $a, $b'
  $a,$b
  -50.0,9223372036854775807

-c can be given more than once; the commands run in order, then any script.

  $ echo 'RETURN 3 AS three;' > three.cypher
  $ quarry --empty --format csv -c 'RETURN 1 AS one' -c 'RETURN 2 AS two' three.cypher
  one
  1
  two
  2
  three
  3
