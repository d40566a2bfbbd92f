:sources prints the passage of the document a node cites. A dataset declares its documents in
sources.json (a file name, folders to look in, the line of each paragraph); $QUARRY_SOURCE_PATH
adds folders. Here a copy of the default dataset (so it reads only its own folder) and a stand-in
document on the search path:

  $ cp -r "$TESTDIR/../../../datasets/kabul-restaurant-bombing" kb
  $ mkdir docs && printf 'title\n\nheading\nFirst paragraph.\nheading\nSecond paragraph.\nheading\nThe Taliban confirmed at least seven deaths. Amaq claimed 25 casualties.\n' > docs/kabul-restaurant-bombing-report.txt
  $ QUARRY_SOURCE_PATH="$PWD/docs" COLUMNS=100 quarry --dataset ./kb -c ':sources ISIS-K casualty figure' | sed "s#$PWD#SANDBOX#"
  (:Claim) ISIS-K casualty figure  · id 31
  kabul-report para 3, “Beijing Presses Taliban on Security After ISIS-K Attack Challenges Afghan
  Control, Chinese Interests”
  (SANDBOX/docs/kabul-restaurant-bombing-report.txt,
  line 8):
    The Taliban confirmed at least seven deaths. Amaq claimed 25 casualties.
  $ QUARRY_SOURCE_PATH="$PWD/docs" quarry --dataset ./kb --format csv -c "MATCH (c:Claim {name: 'Taliban casualty figures'}) RETURN passage(c) AS passage"
  passage
  The Taliban confirmed at least seven deaths. Amaq claimed 25 casualties.

Without the document it says where it looked and gives the dataset's own words.

  $ COLUMNS=100 quarry --dataset ./kb -c ':sources ISIS-K casualty figure' | sed "s#$PWD#SANDBOX#"
  (:Claim) ISIS-K casualty figure  · id 31
  Cited as kabul-report para 3, “Beijing Presses Taliban on Security After ISIS-K Attack Challenges
  Afghan Control, Chinese Interests”: kabul-restaurant-bombing-report.txt is not on this disk (looked
  in SANDBOX/kb; $QUARRY_SOURCE_PATH adds folders).
  The dataset's own words: summary: 'ISIS-K, through Amaq, asserted 25 casualties among Chinese
    citizens, Taliban members and Afghan civilians'
  $ quarry --dataset ./kb --format csv -c "MATCH (c:Claim {name: 'ISIS-K casualty figure'}) RETURN passage(c) IS NULL AS missing"
  missing
  true
  $ quarry --empty -c "CREATE (:Note {name: 'n'})" -c ':sources n' 2>/dev/null
  Created 1 node, set 1 property, added 1 label
  (:Note) n  · id 0
  It cites no source (no source property).
