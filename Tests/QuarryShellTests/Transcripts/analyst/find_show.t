:find looks a node up by a half-remembered name: an alias, a slip of a letter, another case,
accents, a word inside the name. The best match comes first; ties go to the better connected.

  $ quarry --format csv -c ':find beijing'
  id,labels,name,matched,about,relationships
  4,:Actor,China,aliases: Beijing (exact),state,16
  $ quarry --format csv -c ':find Guo Jaikun'
  id,labels,name,matched,about,relationships
  18,:Actor,Guo Jiakun,name (one letter off),person; spokesperson,3
  $ quarry --format csv -c ':find khorasn'
  id,labels,name,matched,about,relationships
  6,:Actor,ISIS-K,aliases: Islamic State Khorasan Province (one letter off),militant_group,6
  $ quarry --format csv -c ':find KABUL'
  id,labels,name,matched,about,relationships
  1,:Place,Kabul,name,city,3
  9,:Event,Kabul restaurant bombing,name (starts with),bombing,17
  8,:Actor,kabul-report,name (starts with),news_report,4
  17,:Actor,Chinese Embassy in Kabul,name (word starts with),embassy,3
  $ quarry --format csv -c ':find sher e naw'
  id,labels,name,matched,about,relationships
  2,:Place,Sher-e-Naw,name,district,5
  51,:Event,Sher-e-Naw hotel assault,name (starts with),assault,3
  3,:Place,Chinese restaurant in Sher-e-Naw,name (word starts with),restaurant,2
  50,:Place,Chinese-run hotel in Sher-e-Naw,name (word starts with),hotel,2

Other text properties on request; nothing found says where else to look.

  $ quarry --format csv -c ':find --in quote significant'
  id,labels,name,matched,about,relationships
  13,:Claim,China casualty description,quote: significant casualties (starts with),casualty_assessment; China described the attack as inflicting significant casualties,2
  $ quarry -c ':find xylophone'
  Nothing matches 'xylophone' in names or aliases (search every text property: :find --in all xylophone).
  $ quarry -c ':find --in colour red'
  -c:1:1: error: no node has the property colour
    :find --in colour red
    ^^^^^^^^^^^^^^^^^^^^^
  [1]

:show prints a node's card: properties in full, relationships grouped by type and direction
with the neighbours' names, the claims about it with claimant and verb, and the citations.

  $ COLUMNS=100 quarry -c ':show Islamic State Khorasan Province'
  (:Actor) ISIS-K  · id 6
    name     'ISIS-K'
    aliases  ['Islamic State Khorasan Province']
    kind     'militant_group'
    para     1
    source   'kabul-report'
  
  Relationships: 6
    -[:MADE]->         (:Claim) ISIS-K claim of responsibility
                       (:Claim) ISIS-K casualty figure
                       (:Claim) ISIS-K stated motive
    <-[:MEDIA_ARM_OF]- (:Actor) Amaq News Agency
    <-[:MENTIONS]-     (:Claim) Geopolitical dimension of motive {role: 'motivated party'}
                       (:Claim) Attribution of past attacks {role: 'attributed perpetrator'}
  
  Claims about it: 2
    • kabul-report adds: The stated Uyghur motive adds a geopolitical dimension to the motivations of
      ISIS-K and challenges the regional diplomacy of China (mentions as motivated party)
    • Unnamed sources attributed: Most attacks in the series have been attributed to ISIS-K (mentions
      as attributed perpetrator)
  
  Cited in: kabul-report para 1, 3, 5
  $ quarry --format csv -c ':show 9' | grep -E '^(node|claim|cited)'
  node,:Event,9
  claim,ISIS-K claimed,ISIS-K claimed responsibility for the restaurant bombing
  claim,China described,China described the attack as inflicting significant casualties “significant casualties”
  claim,China highlighted,China said the attack highlighted a severely complex security landscape in Afghanistan “severely complex”
  claim,kabul-report challenges,The attack challenges the assurances of stability the Taliban gave foreign investors and raises questions about its ability to maintain control
  claim,Taliban confirmed,"The Taliban confirmed at least seven deaths and 13 injuries, including one Chinese national, Abdul Rahman from Xinjiang"
  claim,ISIS-K asserted,"ISIS-K, through Amaq, asserted 25 casualties among Chinese citizens, Taliban members and Afghan civilians"
  claim,ISIS-K stated,ISIS-K stated that the attack targeted Chinese nationals because of the treatment of Uyghur Muslims by China “treatment of Uyghur Muslims”
  claim,kabul-report adds,The stated Uyghur motive adds a geopolitical dimension to the motivations of ISIS-K and challenges the regional diplomacy of China
  cited,kabul-report,"1, 2, 3, 5"
  $ quarry -c ':show Chinese'
  ┌────┬──────────────────┬─────────────────────────────────────────────┬──────────────────────┬──────────────────────┬───────────────┐
  │ id │ labels           │ name                                        │ matched              │ about                │ relationships │
  ├────┼──────────────────┼─────────────────────────────────────────────┼──────────────────────┼──────────────────────┼───────────────┤
  │ 35 │ ':Actor:Company' │ 'Chinese companies'                         │ 'name (starts with)' │ 'business_group'     │             7 │
  │ 19 │ ':Actor'         │ 'Chinese citizens'                          │ 'name (starts with)' │ 'population_group'   │             5 │
  │ 10 │ ':Event'         │ 'Chinese travel advisory'                   │ 'name (starts with)' │ 'travel_advisory'    │             4 │
  │ 44 │ ':Event'         │ 'Chinese economic expansion in Afghanistan' │ 'name (starts with)' │ 'economic_expansion' │             4 │
  │ 17 │ ':Actor'         │ 'Chinese Embassy in Kabul'                  │ 'name (starts with)' │ 'embassy'            │             3 │
  │  3 │ ':Place'         │ 'Chinese restaurant in Sher-e-Naw'          │ 'name (starts with)' │ 'restaurant'         │             2 │
  │ 16 │ ':Actor'         │ 'Chinese Foreign Ministry'                  │ 'name (starts with)' │ 'ministry'           │             2 │
  │ 37 │ ':Actor'         │ 'Chinese businesspeople'                    │ 'name (starts with)' │ 'business_group'     │             2 │
  └────┴──────────────────┴─────────────────────────────────────────────┴──────────────────────┴──────────────────────┴───────────────┘
  8 rows
  -c:1:1: error: several nodes fit 'Chinese': :show one of the ids above
    :show Chinese
    ^^^^^^^^^^^^^
  [1]

A name no node has, and an id that is no node, are errors.

  $ quarry -c ':show Atlantis'
  -c:1:1: error: no node is named 'Atlantis' (:find --in all Atlantis searches every text property)
    :show Atlantis
    ^^^^^^^^^^^^^^
  [1]
