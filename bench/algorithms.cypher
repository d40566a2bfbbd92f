// Graph algorithms over the whole event graph (bench/algo.py runs them in Quarry and in
// networkx, igraph and NetworKit on the same CSV folder). Each returns one aggregate row, so
// that the time is the algorithm's, not the printing's.

// @query A1_degree
CALL algo.degree({direction: 'BOTH'}) YIELD score RETURN sum(score) AS total;

// @query A2_wcc
CALL algo.wcc({}) YIELD componentId RETURN count(DISTINCT componentId) AS components;

// @query A3_scc
CALL algo.scc({}) YIELD componentId RETURN count(DISTINCT componentId) AS components;

// @query A4_pagerank20
CALL algo.pageRank({iterations: 20, tolerance: 0}) YIELD score RETURN sum(score) AS total;

// @query A5_triangles
CALL algo.triangleCount({}) YIELD triangles RETURN sum(triangles) / 3 AS triangles;

// @query A6_kcore
CALL algo.kCore({}) YIELD coreness RETURN max(coreness) AS degeneracy;
