// Quarry default dataset: kabul-restaurant-bombing
// Hand-curated from the news report "Beijing Presses Taliban on Security After
// ISIS-K Attack Challenges Afghan Control, Chinese Interests" (source key 'kabul-report').
// Schema, conventions and example questions: README.md beside this file.
//
// One statement per body paragraph of the report (para 1..5, headings and the
// title are not counted). Each statement creates the nodes the paragraph first
// mentions, finds earlier nodes with MATCH, and creates the relationships it states.
// Every node and relationship carries source: 'kabul-report' and para: N.

// ---------------------------------------------------------------------------
// Paragraph 1: the bombing in Sher-e-Naw, the advisory, the demand for action,
// the description by China of the attack.
// ---------------------------------------------------------------------------
CREATE
  (afg:Place {name: 'Afghanistan', kind: 'country', source: 'kabul-report', para: 1}),
  (kabul:Place {name: 'Kabul', kind: 'city', source: 'kabul-report', para: 1}),
  (shernaw:Place {name: 'Sher-e-Naw', kind: 'district', source: 'kabul-report', para: 1}),
  (restaurant:Place {name: 'Chinese restaurant in Sher-e-Naw', kind: 'restaurant', source: 'kabul-report', para: 1}),
  (china:Actor {name: 'China', kind: 'state', aliases: ['Beijing'], source: 'kabul-report', para: 1}),
  (taliban:Actor {name: 'Taliban', kind: 'state', de_facto: true, aliases: ['Taliban administration', 'Taliban leadership', 'de facto authorities'], source: 'kabul-report', para: 1}),
  (isisk:Actor {name: 'ISIS-K', kind: 'militant_group', aliases: ['Islamic State Khorasan Province'], source: 'kabul-report', para: 1}),
  (investors:Actor {name: 'Foreign investors', kind: 'population_group', source: 'kabul-report', para: 1}),
  (report:Actor {name: 'kabul-report', kind: 'news_report', source: 'kabul-report', para: 1}),
  (bombing:Event {name: 'Kabul restaurant bombing', kind: 'bombing', weekday: 'Monday', deadly: true, source: 'kabul-report', para: 1}),
  (advisory:Event {name: 'Chinese travel advisory', kind: 'travel_advisory', tone: 'stern', source: 'kabul-report', para: 1}),
  (demandAction:Event {name: 'Demand for urgent action', kind: 'demand', source: 'kabul-report', para: 1}),
  (c1:Claim {name: 'ISIS-K claim of responsibility', kind: 'responsibility', verb: 'claimed', summary: 'ISIS-K claimed responsibility for the restaurant bombing', source: 'kabul-report', para: 1}),
  (c4:Claim {name: 'China casualty description', kind: 'casualty_assessment', verb: 'described', quote: 'significant casualties', summary: 'China described the attack as inflicting significant casualties', source: 'kabul-report', para: 1}),
  (c5:Claim {name: 'China security assessment', kind: 'security_assessment', verb: 'highlighted', quote: 'severely complex', summary: 'China said the attack highlighted a severely complex security landscape in Afghanistan', source: 'kabul-report', para: 1}),
  (c11:Claim {name: 'Bombing challenges Taliban assurances', kind: 'assessment', verb: 'challenges', summary: 'The attack challenges the assurances of stability the Taliban gave foreign investors and raises questions about its ability to maintain control', source: 'kabul-report', para: 1}),
  (shernaw)-[:IN {source: 'kabul-report', para: 1}]->(kabul),
  (kabul)-[:IN {source: 'kabul-report', para: 1}]->(afg),
  (restaurant)-[:IN {source: 'kabul-report', para: 1}]->(shernaw),
  (taliban)-[:GOVERNS {source: 'kabul-report', para: 1}]->(afg),
  (taliban)-[:ASSURED {of: 'stability', source: 'kabul-report', para: 1}]->(investors),
  (bombing)-[:OCCURRED_IN {source: 'kabul-report', para: 1}]->(shernaw),
  (bombing)-[:TARGETED {source: 'kabul-report', para: 1}]->(restaurant),
  (china)-[:ISSUED {source: 'kabul-report', para: 1}]->(advisory),
  (advisory)-[:RESPONDS_TO {source: 'kabul-report', para: 1}]->(bombing),
  (china)-[:ISSUED {source: 'kabul-report', para: 1}]->(demandAction),
  (demandAction)-[:ADDRESSED_TO {source: 'kabul-report', para: 1}]->(taliban),
  (demandAction)-[:RESPONDS_TO {source: 'kabul-report', para: 1}]->(bombing),
  (isisk)-[:MADE {source: 'kabul-report', para: 1}]->(c1),
  (c1)-[:ABOUT {source: 'kabul-report', para: 1}]->(bombing),
  (china)-[:MADE {source: 'kabul-report', para: 1}]->(c4),
  (c4)-[:ABOUT {source: 'kabul-report', para: 1}]->(bombing),
  (china)-[:MADE {source: 'kabul-report', para: 1}]->(c5),
  (c5)-[:ABOUT {source: 'kabul-report', para: 1}]->(bombing),
  (c5)-[:MENTIONS {role: 'assessed country', source: 'kabul-report', para: 1}]->(afg),
  (report)-[:MADE {source: 'kabul-report', para: 1}]->(c11),
  (c11)-[:ABOUT {source: 'kabul-report', para: 1}]->(bombing),
  (c11)-[:MENTIONS {role: 'challenged party', source: 'kabul-report', para: 1}]->(taliban),
  (c11)-[:MENTIONS {role: 'assured party', source: 'kabul-report', para: 1}]->(investors);

// ---------------------------------------------------------------------------
// Paragraph 2: the Foreign Ministry spokesperson, the protest, the demands,
// the advice of the embassy to Chinese citizens.
// ---------------------------------------------------------------------------
MATCH
  (china:Actor {name: 'China'}),
  (taliban:Actor {name: 'Taliban'}),
  (kabul:Place {name: 'Kabul'}),
  (bombing:Event {name: 'Kabul restaurant bombing'}),
  (advisory:Event {name: 'Chinese travel advisory'})
CREATE
  (fm:Actor {name: 'Chinese Foreign Ministry', kind: 'ministry', source: 'kabul-report', para: 2}),
  (embassy:Actor {name: 'Chinese Embassy in Kabul', kind: 'embassy', source: 'kabul-report', para: 2}),
  (guo:Actor {name: 'Guo Jiakun', kind: 'person', role: 'spokesperson', source: 'kabul-report', para: 2}),
  (citizens:Actor {name: 'Chinese citizens', kind: 'population_group', nationality: 'Chinese', aliases: ['Chinese nationals'], source: 'kabul-report', para: 2}),
  (protest:Event {name: 'Diplomatic protest', kind: 'diplomatic_protest', quote: 'serious concern and protest', source: 'kabul-report', para: 2}),
  (demandMeasures:Event {name: 'Demand for more effective measures', kind: 'demand', quote: 'more effective measures', protect: ['Chinese citizens', 'projects', 'institutions'], scope: 'across Afghanistan', source: 'kabul-report', para: 2}),
  (demandInvestigation:Event {name: 'Demand for investigation', kind: 'demand', requests: ['swift and thorough investigation', 'those responsible brought to justice without delay'], source: 'kabul-report', para: 2}),
  (fm)-[:PART_OF {source: 'kabul-report', para: 2}]->(china),
  (embassy)-[:PART_OF {source: 'kabul-report', para: 2}]->(china),
  (embassy)-[:BASED_IN {source: 'kabul-report', para: 2}]->(kabul),
  (guo)-[:SPOKESPERSON_OF {source: 'kabul-report', para: 2}]->(fm),
  (embassy)-[:ISSUED {source: 'kabul-report', para: 2}]->(advisory),
  (advisory)-[:ADDRESSED_TO {avoid: ['crowded areas', 'hotels', 'markets', 'religious sites'], advice: ['heighten personal security protocols'], source: 'kabul-report', para: 2}]->(citizens),
  (china)-[:ISSUED {source: 'kabul-report', para: 2}]->(protest),
  (guo)-[:CONVEYED {publicly: true, source: 'kabul-report', para: 2}]->(protest),
  (protest)-[:ADDRESSED_TO {source: 'kabul-report', para: 2}]->(taliban),
  (protest)-[:RESPONDS_TO {source: 'kabul-report', para: 2}]->(bombing),
  (china)-[:ISSUED {source: 'kabul-report', para: 2}]->(demandMeasures),
  (guo)-[:CONVEYED {source: 'kabul-report', para: 2}]->(demandMeasures),
  (demandMeasures)-[:ADDRESSED_TO {source: 'kabul-report', para: 2}]->(taliban),
  (demandMeasures)-[:RESPONDS_TO {source: 'kabul-report', para: 2}]->(bombing),
  (china)-[:ISSUED {source: 'kabul-report', para: 2}]->(demandInvestigation),
  (demandInvestigation)-[:ADDRESSED_TO {source: 'kabul-report', para: 2}]->(taliban),
  (demandInvestigation)-[:RESPONDS_TO {source: 'kabul-report', para: 2}]->(bombing);

// ---------------------------------------------------------------------------
// Paragraph 3: casualty figures by claimant, the named victim, Amaq, the
// stated motive.
// ---------------------------------------------------------------------------
MATCH
  (china:Actor {name: 'China'}),
  (taliban:Actor {name: 'Taliban'}),
  (isisk:Actor {name: 'ISIS-K'}),
  (report:Actor {name: 'kabul-report'}),
  (citizens:Actor {name: 'Chinese citizens'}),
  (bombing:Event {name: 'Kabul restaurant bombing'}),
  (c1:Claim {name: 'ISIS-K claim of responsibility'})
CREATE
  (chinaPlace:Place {name: 'China', kind: 'country', source: 'kabul-report', para: 3}),
  (xinjiang:Place {name: 'Xinjiang', kind: 'region', source: 'kabul-report', para: 3}),
  (amaq:Actor {name: 'Amaq News Agency', kind: 'media_arm', source: 'kabul-report', para: 3}),
  (rahman:Actor {name: 'Abdul Rahman', kind: 'person', nationality: 'Chinese', source: 'kabul-report', para: 3}),
  (members:Actor {name: 'Taliban members', kind: 'population_group', source: 'kabul-report', para: 3}),
  (civilians:Actor {name: 'Afghan civilians', kind: 'population_group', nationality: 'Afghan', source: 'kabul-report', para: 3}),
  (uyghurs:Actor {name: 'Uyghur Muslims', kind: 'population_group', source: 'kabul-report', para: 3}),
  (c2:Claim {name: 'Taliban casualty figures', kind: 'casualty_count', verb: 'confirmed', deaths: 7, injured: 13, count_qualifier: 'at least', chinese_national_casualties: 1, summary: 'The Taliban confirmed at least seven deaths and 13 injuries, including one Chinese national, Abdul Rahman from Xinjiang', source: 'kabul-report', para: 3}),
  (c3:Claim {name: 'ISIS-K casualty figure', kind: 'casualty_count', verb: 'asserted', casualties: 25, casualties_among: ['Chinese citizens', 'Taliban members', 'Afghan civilians'], summary: 'ISIS-K, through Amaq, asserted 25 casualties among Chinese citizens, Taliban members and Afghan civilians', source: 'kabul-report', para: 3}),
  (c6:Claim {name: 'ISIS-K stated motive', kind: 'motive', verb: 'stated', quote: 'treatment of Uyghur Muslims', summary: 'ISIS-K stated that the attack targeted Chinese nationals because of the treatment of Uyghur Muslims by China', source: 'kabul-report', para: 3}),
  (c12:Claim {name: 'Geopolitical dimension of motive', kind: 'assessment', verb: 'adds', summary: 'The stated Uyghur motive adds a geopolitical dimension to the motivations of ISIS-K and challenges the regional diplomacy of China', source: 'kabul-report', para: 3}),
  (xinjiang)-[:IN {source: 'kabul-report', para: 3}]->(chinaPlace),
  (china)-[:GOVERNS {source: 'kabul-report', para: 3}]->(chinaPlace),
  (amaq)-[:MEDIA_ARM_OF {source: 'kabul-report', para: 3}]->(isisk),
  (amaq)-[:PUBLISHED {source: 'kabul-report', para: 3}]->(c1),
  (rahman)-[:FROM {source: 'kabul-report', para: 3}]->(xinjiang),
  (rahman)-[:MEMBER_OF {source: 'kabul-report', para: 3}]->(citizens),
  (rahman)-[:VICTIM_OF {outcome: 'unspecified', source: 'kabul-report', para: 3}]->(bombing),
  (members)-[:MEMBER_OF {source: 'kabul-report', para: 3}]->(taliban),
  (taliban)-[:MADE {source: 'kabul-report', para: 3}]->(c2),
  (c2)-[:ABOUT {source: 'kabul-report', para: 3}]->(bombing),
  (c2)-[:MENTIONS {role: 'identified casualty', source: 'kabul-report', para: 3}]->(rahman),
  (isisk)-[:MADE {source: 'kabul-report', para: 3}]->(c3),
  (amaq)-[:PUBLISHED {source: 'kabul-report', para: 3}]->(c3),
  (c3)-[:ABOUT {source: 'kabul-report', para: 3}]->(bombing),
  (c3)-[:MENTIONS {role: 'casualties', source: 'kabul-report', para: 3}]->(citizens),
  (c3)-[:MENTIONS {role: 'casualties', source: 'kabul-report', para: 3}]->(members),
  (c3)-[:MENTIONS {role: 'casualties', source: 'kabul-report', para: 3}]->(civilians),
  (isisk)-[:MADE {source: 'kabul-report', para: 3}]->(c6),
  (c6)-[:ABOUT {source: 'kabul-report', para: 3}]->(bombing),
  (c6)-[:MENTIONS {role: 'stated target', source: 'kabul-report', para: 3}]->(citizens),
  (c6)-[:MENTIONS {role: 'stated grievance', source: 'kabul-report', para: 3}]->(uyghurs),
  (c6)-[:MENTIONS {role: 'accused', source: 'kabul-report', para: 3}]->(china),
  (report)-[:MADE {source: 'kabul-report', para: 3}]->(c12),
  (c12)-[:ABOUT {source: 'kabul-report', para: 3}]->(bombing),
  (c12)-[:MENTIONS {role: 'motivated party', source: 'kabul-report', para: 3}]->(isisk),
  (c12)-[:MENTIONS {role: 'challenged party', source: 'kabul-report', para: 3}]->(china);

// ---------------------------------------------------------------------------
// Paragraph 4: the economic footprint since August 2021.
// ---------------------------------------------------------------------------
MATCH
  (china:Actor {name: 'China'}),
  (taliban:Actor {name: 'Taliban'}),
  (report:Actor {name: 'kabul-report'}),
  (afg:Place {name: 'Afghanistan'})
CREATE
  (mines:Actor {name: 'Ministry of Mines and Petroleum', kind: 'ministry', source: 'kabul-report', para: 4}),
  (companies:Actor:Company {name: 'Chinese companies', kind: 'business_group', nationality: 'Chinese', approx_count: 100, count_qualifier: 'around', source: 'kabul-report', para: 4}),
  (traders:Actor {name: 'Traders', kind: 'business_group', count_qualifier: 'hundreds', source: 'kabul-report', para: 4}),
  (business:Actor {name: 'Chinese businesspeople', kind: 'business_group', nationality: 'Chinese', approx_count: 500, count_qualifier: 'approximately', source: 'kabul-report', para: 4}),
  (unnamed:Actor {name: 'Unnamed sources', kind: 'unnamed_source', source: 'kabul-report', para: 4}),
  (copper:Resource {name: 'copper', source: 'kabul-report', para: 4}),
  (oil:Resource {name: 'oil', source: 'kabul-report', para: 4}),
  (gold:Resource {name: 'gold', source: 'kabul-report', para: 4}),
  (coal:Resource {name: 'coal', source: 'kabul-report', para: 4}),
  (returnToPower:Event {name: 'Taliban return to power', kind: 'political_transition', date: date.partial('2021-08'), source: 'kabul-report', para: 4}),
  (expansion:Event {name: 'Chinese economic expansion in Afghanistan', kind: 'economic_expansion', sector: 'mining', source: 'kabul-report', para: 4}),
  (c9:Claim {name: 'Registered companies figure', kind: 'figure', verb: 'suggest', approx_count: 100, count_qualifier: 'around', official_figures_disclosed: false, summary: 'Reports suggest around 100 Chinese companies are registered with the Ministry of Mines and Petroleum, official figures being undisclosed by the Taliban', source: 'kabul-report', para: 4}),
  (c10:Claim {name: 'Businesspeople figure', kind: 'figure', verb: 'suggest', approx_count: 500, count_qualifier: 'approximately', official_figures_disclosed: false, summary: 'Reports suggest approximately 500 Chinese businesspeople are exploring investment opportunities', source: 'kabul-report', para: 4}),
  (c13:Claim {name: 'Partnership crucial for Taliban', kind: 'assessment', verb: 'is crucial', summary: 'The deepening economic partnership is crucial for the aspirations of the Taliban to international legitimacy and economic recovery', source: 'kabul-report', para: 4}),
  (mines)-[:PART_OF {source: 'kabul-report', para: 4}]->(taliban),
  (taliban)-[:PARTICIPATED_IN {role: 'returned to power', source: 'kabul-report', para: 4}]->(returnToPower),
  (returnToPower)-[:OCCURRED_IN {source: 'kabul-report', para: 4}]->(afg),
  (china)-[:PARTICIPATED_IN {role: 'expanding investor', source: 'kabul-report', para: 4}]->(expansion),
  (expansion)-[:OCCURRED_IN {source: 'kabul-report', para: 4}]->(afg),
  (expansion)-[:FOLLOWS {relation: 'since', source: 'kabul-report', para: 4}]->(returnToPower),
  (companies)-[:ENTERED {source: 'kabul-report', para: 4}]->(afg),
  (traders)-[:ENTERED {source: 'kabul-report', para: 4}]->(afg),
  (companies)-[:SECURED_CONTRACT_FOR {scale: 'major', source: 'kabul-report', para: 4}]->(copper),
  (companies)-[:SECURED_CONTRACT_FOR {scale: 'major', source: 'kabul-report', para: 4}]->(oil),
  (companies)-[:SECURED_CONTRACT_FOR {scale: 'major', source: 'kabul-report', para: 4}]->(gold),
  (companies)-[:SECURED_CONTRACT_FOR {scale: 'major', source: 'kabul-report', para: 4}]->(coal),
  (traders)-[:SECURED_CONTRACT_FOR {scale: 'major', source: 'kabul-report', para: 4}]->(copper),
  (traders)-[:SECURED_CONTRACT_FOR {scale: 'major', source: 'kabul-report', para: 4}]->(oil),
  (traders)-[:SECURED_CONTRACT_FOR {scale: 'major', source: 'kabul-report', para: 4}]->(gold),
  (traders)-[:SECURED_CONTRACT_FOR {scale: 'major', source: 'kabul-report', para: 4}]->(coal),
  (companies)-[:REGISTERED_WITH {source: 'kabul-report', para: 4}]->(mines),
  (business)-[:EXPLORING_INVESTMENT_IN {source: 'kabul-report', para: 4}]->(afg),
  (unnamed)-[:MADE {source: 'kabul-report', para: 4}]->(c9),
  (c9)-[:ABOUT {source: 'kabul-report', para: 4}]->(companies),
  (c9)-[:MENTIONS {role: 'registry', source: 'kabul-report', para: 4}]->(mines),
  (unnamed)-[:MADE {source: 'kabul-report', para: 4}]->(c10),
  (c10)-[:ABOUT {source: 'kabul-report', para: 4}]->(business),
  (report)-[:MADE {source: 'kabul-report', para: 4}]->(c13),
  (c13)-[:ABOUT {source: 'kabul-report', para: 4}]->(expansion),
  (c13)-[:MENTIONS {role: 'beneficiary', source: 'kabul-report', para: 4}]->(taliban);

// ---------------------------------------------------------------------------
// Paragraph 5: the pattern of attacks on Chinese interests.
// ---------------------------------------------------------------------------
MATCH
  (china:Actor {name: 'China'}),
  (taliban:Actor {name: 'Taliban'}),
  (isisk:Actor {name: 'ISIS-K'}),
  (report:Actor {name: 'kabul-report'}),
  (unnamed:Actor {name: 'Unnamed sources'}),
  (citizens:Actor {name: 'Chinese citizens'}),
  (uyghurs:Actor {name: 'Uyghur Muslims'}),
  (investors:Actor {name: 'Foreign investors'}),
  (afg:Place {name: 'Afghanistan'}),
  (shernaw:Place {name: 'Sher-e-Naw'}),
  (bombing:Event {name: 'Kabul restaurant bombing'})
CREATE
  (takhar:Place {name: 'Takhar', kind: 'province', source: 'kabul-report', para: 5}),
  (badakhshan:Place {name: 'Badakhshan', kind: 'province', source: 'kabul-report', para: 5}),
  (hotel:Place {name: 'Chinese-run hotel in Sher-e-Naw', kind: 'hotel', chinese_run: true, source: 'kabul-report', para: 5}),
  (hotelAssault:Event {name: 'Sher-e-Naw hotel assault', kind: 'assault', date: date.partial('2022-11'), source: 'kabul-report', para: 5}),
  (takharIncidents:Event {name: 'Cross-border incidents in Takhar', kind: 'cross_border_incident', source: 'kabul-report', para: 5}),
  (badakhshanIncidents:Event {name: 'Cross-border incidents in Badakhshan', kind: 'cross_border_incident', source: 'kabul-report', para: 5}),
  (series:Event {name: 'Attacks on Chinese interests', kind: 'attack_series', period: 'past four and a half years', area: 'Afghanistan and its border regions', source: 'kabul-report', para: 5}),
  (c7:Claim {name: 'Attribution of past attacks', kind: 'attribution', verb: 'attributed', scope: 'most', summary: 'Most attacks in the series have been attributed to ISIS-K', source: 'kabul-report', para: 5}),
  (c8:Claim {name: 'Motive of past attacks', kind: 'motive', verb: 'linked', frequency: 'frequently', summary: 'Motives of the attacks are frequently linked to the policies of China concerning its Uyghur Muslim population', source: 'kabul-report', para: 5}),
  (c14:Claim {name: 'Attacks cast doubt on Taliban capacity', kind: 'assessment', verb: 'cast doubt', summary: 'The recurring attacks cast doubt on the capacity of the Taliban to secure foreign investors and citizens, affect the strategic economic objectives of China and complicate Taliban governance', source: 'kabul-report', para: 5}),
  (takhar)-[:IN {source: 'kabul-report', para: 5}]->(afg),
  (badakhshan)-[:IN {source: 'kabul-report', para: 5}]->(afg),
  (hotel)-[:IN {source: 'kabul-report', para: 5}]->(shernaw),
  (hotelAssault)-[:OCCURRED_IN {source: 'kabul-report', para: 5}]->(shernaw),
  (hotelAssault)-[:TARGETED {source: 'kabul-report', para: 5}]->(hotel),
  (takharIncidents)-[:OCCURRED_IN {source: 'kabul-report', para: 5}]->(takhar),
  (badakhshanIncidents)-[:OCCURRED_IN {source: 'kabul-report', para: 5}]->(badakhshan),
  (bombing)-[:PART_OF {position: 'latest', source: 'kabul-report', para: 5}]->(series),
  (hotelAssault)-[:PART_OF {source: 'kabul-report', para: 5}]->(series),
  (takharIncidents)-[:PART_OF {source: 'kabul-report', para: 5}]->(series),
  (badakhshanIncidents)-[:PART_OF {source: 'kabul-report', para: 5}]->(series),
  (series)-[:TARGETED {source: 'kabul-report', para: 5}]->(citizens),
  (series)-[:OCCURRED_IN {source: 'kabul-report', para: 5}]->(afg),
  (uyghurs)-[:POPULATION_OF {source: 'kabul-report', para: 5}]->(china),
  (unnamed)-[:MADE {source: 'kabul-report', para: 5}]->(c7),
  (c7)-[:ABOUT {source: 'kabul-report', para: 5}]->(series),
  (c7)-[:MENTIONS {role: 'attributed perpetrator', source: 'kabul-report', para: 5}]->(isisk),
  (unnamed)-[:MADE {source: 'kabul-report', para: 5}]->(c8),
  (c8)-[:ABOUT {source: 'kabul-report', para: 5}]->(series),
  (c8)-[:MENTIONS {role: 'grievance', source: 'kabul-report', para: 5}]->(uyghurs),
  (c8)-[:MENTIONS {role: 'accused', source: 'kabul-report', para: 5}]->(china),
  (report)-[:MADE {source: 'kabul-report', para: 5}]->(c14),
  (c14)-[:ABOUT {source: 'kabul-report', para: 5}]->(series),
  (c14)-[:MENTIONS {role: 'doubted party', source: 'kabul-report', para: 5}]->(taliban),
  (c14)-[:MENTIONS {role: 'affected party', source: 'kabul-report', para: 5}]->(investors),
  (c14)-[:MENTIONS {role: 'affected party', source: 'kabul-report', para: 5}]->(china);
