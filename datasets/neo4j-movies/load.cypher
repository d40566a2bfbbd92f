// Quarry dataset: neo4j-movies
// The classic Neo4j "Movie Graph" CREATE script, run unchanged from ../shared/data/ (beside the
// repository; never copied into it). The path is relative to this folder.
:run ../../../shared/data/neo4j-movies/movies.cypher
