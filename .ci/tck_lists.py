"""The lists of TCK scenarios that do not pass, each with its reason (`KEY | reason`), and the
check that a run agrees with one: shared by tck_full.py (in memory) and tck_spark.py (on Spark)."""
import os


def key(scenario):
    """`feature:line`, and ` #example` for an outline's row."""
    example = scenario.get("example")
    return scenario["feature"] + ":" + str(scenario["line"]) + (" #" + ".".join(map(str, example)) if example else "")


def read(path):
    listed = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    k, _, reason = line.partition(" | ")
                    listed[k] = reason
    return listed


def check(name, what, scenarios, listed, list_name, floor):
    """Prints how many pass and what disagrees with the list; 1 when under `floor` percent, when a
    scenario that does not pass is not listed, or when a listed one passes."""
    passed = sum(1 for s in scenarios if s["status"] == "passed")
    not_passing = {key(s): s for s in scenarios if s["status"] != "passed"}
    unlisted = sorted(k for k in not_passing if k not in listed)
    stale = sorted(k for k in listed if k not in not_passing)
    rate = 100.0 * passed / max(1, len(scenarios))
    print(f"{name}: {passed} of {len(scenarios)} {what} pass ({rate:.2f}%); {len(not_passing)} do not, "
          f"{len(not_passing) - len(unlisted)} of them listed with their reason in {list_name}")
    for k in unlisted:
        s = not_passing[k]
        print(f"not listed: {k} | {s['status']}: {(s.get('reason') or '').splitlines()[0] if s.get('reason') else ''}")
    for k in stale:
        print(f"listed but passes now (remove it): {k}")
    return 1 if rate < floor or unlisted or stale else 0
