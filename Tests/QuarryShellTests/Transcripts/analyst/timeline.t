:timeline lists events in time order, each as precise as the source gives it (a month, a year,
"Monday, date unknown"), then a bar of counts per month or year with the gaps shown.

  $ quarry -c ':timeline by year'
  Timeline: 2 dated, 10 without a date
    2021-08               Taliban return to power (:Event, political_transition)
    2022-11               Sher-e-Naw hotel assault (:Event, assault)
    date unknown          Attacks on Chinese interests (:Event, attack_series)
    date unknown          Chinese economic expansion in Afghanistan (:Event, economic_expansion)
    date unknown          Chinese travel advisory (:Event, travel_advisory)
    date unknown          Cross-border incidents in Badakhshan (:Event, cross_border_incident)
    date unknown          Cross-border incidents in Takhar (:Event, cross_border_incident)
    date unknown          Demand for investigation (:Event, demand)
    date unknown          Demand for more effective measures (:Event, demand)
    date unknown          Demand for urgent action (:Event, demand)
    date unknown          Diplomatic protest (:Event, diplomatic_protest)
    Monday, date unknown  Kabul restaurant bombing (:Event, bombing)
  
  Per year:
    2021  ████████████████████████████████████████ 1
    2022  ████████████████████████████████████████ 1
  $ quarry -c ':timeline from 2022 MATCH (e:Event) WHERE e.kind IN ["assault", "political_transition"] RETURN e'
  Timeline: 1 dated
    2022-11  Sher-e-Naw hotel assault (:Event, assault)
  
  Per month:
    2022-11  ████████████████████████████████████████ 1
  $ quarry --format csv -c ':timeline to 2021-12'
  date,precision,weekday,name,labels,kind
  2021-08,month,,Taliban return to power,:Event,political_transition

Dates may be date values or ISO prefixes; events without a date come after the dated ones.

  $ quarry --empty -c "CREATE (:Event {name: 'a', date: date('2020-03-04')}), (:Event {name: 'b', date: '2020'}), (:Event {name: 'c', date: '2020-05', date_precision: 'month'}), (:Event {name: 'd', weekday: 'Friday'}), (:Meeting {name: 'e', date: '2020-03-04'})" -c ':timeline' 2>/dev/null
  Created 5 nodes, set 11 properties, added 5 labels
  Timeline: 4 dated, 1 without a date
    2020                  b (:Event)
    2020-03-04            a (:Event)
    2020-03-04            e (:Meeting)
    2020-05               c (:Event)
    Friday, date unknown  d (:Event)
  
  Per month:
    2020-03              ████████████████████████████████████████ 2
    2020-04              0
    2020-05              ████████████████████ 1
    2020, month unknown  ████████████████████ 1
  $ quarry -c ':timeline from yesterday'
  -c:1:1: error: from takes a date: 2021, 2021-08 or 2021-08-15 (not yesterday)
    :timeline from yesterday
    ^^^^^^^^^^^^^^^^^^^^^^^^
  [1]
