#!/usr/bin/python3
"""Remedies proved in the lab (corpus/lab/verify) stay proved.

  verification_check.py SSHDIAG REPO [--lab DIR]      check every lab sidecar
  verification_check.py SSHDIAG REPO --self-test      show that the check fails when it must

For every -vvv sidecar of a diagnosed failure under DIR (default REPO/corpus/lab/openssh-*):
fails when its "verification" verdict is "failed", and when the remedy sshdiag shows today
for the log (the first one the lab can apply, and the ones shown before it) is not the one
that was verified (remedy_text, skipped): a changed remedy must be re-verified.  Sidecars
without a verification are counted, not failed.  A "-varied" directory (corpus/lab/run --vary:
the same scenarios with names of their own, for the redaction test) is not verified by the lab
(verify does not rerun --vary); its logs are counted apart and said to be so.

  verification_check.py SSHDIAG REPO --write-known    record today's failed and stale logs

Known findings: corpus/lab/verification-known.json lists the failed verdicts and the stale
remedies that are known and not yet fixed (each failed one's reason is in its sidecar). They are
reported, not failed; a failed or stale log that is not listed fails (a regression), and so does a
listed one that is now fine (remove it: the list only shrinks). --write-known rewrites the list from
today's findings.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile


def load_remedy_module(repo):
    sys.path.insert(0, os.path.join(repo, "corpus", "lab"))
    import remedy  # noqa: E402
    return remedy


def is_varied(tag):
    # openssh-9.2-varied: corpus/lab/run --vary (varied identities, not lab-verified)
    return tag.endswith("-varied")


def tag_release(tag):
    # openssh-9.2 -> ("9.2", None); openssh-10.0_sshd-8.4 -> ("10.0", "8.4"); openssh-9.2-varied -> ("9.2", None)
    if is_varied(tag):
        tag = tag[:-len("-varied")]
    t = tag[len("openssh-"):]
    if "_sshd-" in t:
        c, s = t.split("_sshd-", 1)
        return c, s
    return t, None


def verify_command(tag, names=None):
    c, s = tag_release(tag)
    cmd = f"sudo corpus/lab/verify --client {c}" + (f" --server {s}" if s else "")
    return cmd + (" " + " ".join(names) if names else " --changed")


def check(sshdiag, repo, lab_dirs, out=sys.stdout, known=None, found=None):
    """known: {"failed": [...], "stale": [...]} of "TAG/NAME" keys reported without failing;
    found, when given, receives today's findings in that shape."""
    R = load_remedy_module(repo)
    known = known or {}
    known_failed, known_stale = set(known.get("failed", [])), set(known.get("stale", []))
    found = found if found is not None else {}
    found.setdefault("failed", [])
    found.setdefault("stale", [])
    reported = []
    problems = []
    counts = {}
    for d in lab_dirs:
        tag = os.path.basename(d.rstrip("/"))
        c = counts.setdefault(tag, {"verified": 0, "failed": 0, "not-applicable": 0, "unverified": 0})
        stale_names = []
        for p in sorted(glob.glob(os.path.join(d, "*.json"))):
            o = json.load(open(p))
            if not R.is_vvv_sidecar(o) or (o.get("expect") or {}).get("status") != "diagnosed":
                continue
            name = os.path.basename(p)[:-5]
            v = o.get("verification")
            if not v:
                c["unverified"] += 1
                continue
            verdict = v.get("verdict")
            if verdict not in ("verified", "failed", "not-applicable"):
                problems.append(f"{tag}/{name}: unknown verdict {verdict!r}")
                continue
            c[verdict] += 1
            key = f"{tag}/{name}"
            if verdict == "failed":
                found["failed"].append(key)
            if verdict == "failed" and key in known_failed:
                reported.append(f"{key}: known failure of '{v.get('remedy_id')}': {v.get('reason')}")
            elif verdict == "failed":
                problems.append(f"{tag}/{name}: the remedy '{v.get('remedy_id')}' FAILED in the lab: {v.get('reason')}\n"
                                f"  fix the remedy (kb/{v.get('kb')}.json) or the set-up, then re-verify: "
                                + verify_command(tag, [name]))
            logfile = os.path.join(d, name + ".log")
            diag = R.top_diagnosis(sshdiag, logfile)
            why = R.stale(o, diag, R.read_log(logfile))
            if why:
                found["stale"].append(key)
            if why and key in known_stale:
                reported.append(f"{key}: known stale remedy (changed since the lab verified it)")
            elif why:
                stale_names.append(name)
                problems.append(f"{tag}/{name}: the remedy shown today is not the one verified in the lab "
                                f"({v.get('date')}): {why}")
        if stale_names:
            problems.append(f"re-verify the changed remedies of {tag} with one command (root; after building sshdiag):\n"
                            f"  {verify_command(tag)}")
    for tag, c in sorted(counts.items()):
        if is_varied(tag):
            print(f"{tag}: {c['unverified']} failing -vvv logs not verified in the lab: the scenarios of "
                  f"openssh-{tag_release(tag)[0]} with varied names (redaction test); verify does not rerun "
                  "--vary, their remedies are verified on the original directory", file=out)
            continue
        print(f"{tag}: {c['verified']} verified, {c['failed']} failed, {c['not-applicable']} not-applicable, "
              f"{c['unverified']} without a verification", file=out)
    total_unverified = sum(c["unverified"] for t, c in counts.items() if not is_varied(t))
    if total_unverified:
        print(f"{total_unverified} failing -vvv lab logs have no verification yet (counted, not failed); "
              "corpus/lab/verify --client R gives them one", file=out)
    for k in sorted(known_failed - set(found["failed"])):
        problems.append(f"{k}: listed as a known failure in corpus/lab/verification-known.json but no longer "
                        "failed: remove it from the list")
    for k in sorted(known_stale - set(found["stale"])):
        problems.append(f"{k}: listed as stale in corpus/lab/verification-known.json but current now: "
                        "remove it from the list")
    if reported:
        print(f"{len(reported)} known findings (corpus/lab/verification-known.json), not failed:", file=out)
        for r in reported:
            print("  known: " + r, file=out)
    for p in problems:
        print("FAIL: " + p, file=out)
    return 1 if problems else 0


def self_test(sshdiag, repo):
    """The check must pass on a current verification, fail on a failed verdict and on a
    remedy that changed, and only count a log without one."""
    import io
    R = load_remedy_module(repo)
    src = os.path.join(repo, "corpus", "lab", "openssh-9.2")
    name = "no-matching-kex"  # its top diagnosis shows remedies the lab applies
    tmp = tempfile.mkdtemp(prefix="sshdiag-verification-check.")
    ok = True
    try:
        d = os.path.join(tmp, "openssh-9.2")
        os.makedirs(d)
        shutil.copy(os.path.join(src, name + ".log"), d)
        sidecar = json.load(open(os.path.join(src, name + ".json")))
        sidecar.pop("verification", None)
        diag = R.top_diagnosis(sshdiag, os.path.join(d, name + ".log"))
        idx, rem, skipped = R.plan(diag, R.server_is_openssh(sidecar), R.read_log(os.path.join(d, name + ".log")))
        assert rem is not None, "the self-test log needs a remedy the lab can apply"
        current = {"verdict": "verified", "reason": "self-test", "kb": diag["kb"], "remedy_id": rem["id"],
                   "remedy_index": idx, "remedy_text": R.remedy_text(rem), "skipped": skipped}

        def case(title, verification, want_rc, want_text, known=None):
            nonlocal ok
            o = dict(sidecar)
            if verification is not None:
                o["verification"] = verification
            R.write_sidecar(os.path.join(d, name + ".json"), o)
            buf = io.StringIO()
            rc = check(sshdiag, repo, [d], out=buf, known=known)
            text = buf.getvalue()
            good = rc == want_rc and want_text in text
            print(("ok   " if good else "FAIL ") + f"{title}: exit {rc} (want {want_rc}), "
                  f"output {'has' if want_text in text else 'lacks'} {want_text!r}")
            if not good:
                print(text)
                ok = False

        case("current verified remedy passes", current, 0, "1 verified, 0 failed")
        case("a failed verdict fails", dict(current, verdict="failed"), 1,
             "sudo corpus/lab/verify --client 9.2 no-matching-kex")
        case("a changed remedy fails and names the command", dict(current, remedy_text="[client] x\nOnce:  ssh -o X=y ..."),
             1, "sudo corpus/lab/verify --client 9.2 --changed")
        case("a changed remedy shown before it fails",
             dict(current, skipped=[dict(s, text=s["text"] + " ") for s in skipped] or [{"id": "x", "text": "y"}]),
             1, "the remedies shown before it changed")
        case("a log without verification is counted, not failed", None, 0, "1 without a verification")
        key = "openssh-9.2/" + name
        case("a known failure is reported, not failed", dict(current, verdict="failed"), 0,
             "known failure of", known={"failed": [key]})
        case("a known failure that now passes must leave the list", current, 1,
             "no longer failed: remove it", known={"failed": [key]})
        case("a known stale remedy is reported, not failed", dict(current, remedy_text="[client] x"), 0,
             "known stale remedy", known={"stale": [key]})
        # a -varied directory (corpus/lab/run --vary) is counted apart, as not verified in the lab
        dv = os.path.join(tmp, "openssh-9.2-varied")
        os.makedirs(dv)
        shutil.copy(os.path.join(src, name + ".log"), dv)
        R.write_sidecar(os.path.join(dv, name + ".json"), dict(sidecar))
        buf = io.StringIO()
        rc = check(sshdiag, repo, [dv], out=buf)
        text = buf.getvalue()
        good = rc == 0 and "1 failing -vvv logs not verified in the lab" in text and "without a verification" not in text
        print(("ok   " if good else "FAIL ") + f"a varied directory is counted apart: exit {rc}")
        if not good:
            print(text)
            ok = False
    finally:
        shutil.rmtree(tmp)
    return 0 if ok else 1


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sshdiag, repo = sys.argv[1], sys.argv[2]
    if "--self-test" in sys.argv[3:]:
        sys.exit(self_test(sshdiag, repo))
    known_path = os.path.join(repo, "corpus", "lab", "verification-known.json")
    if "--write-known" in sys.argv[3:]:
        found = {}
        dirs = sorted(glob.glob(os.path.join(repo, "corpus", "lab", "openssh-*")))
        check(sshdiag, repo, dirs, out=open(os.devnull, "w"), found=found)
        doc = {"notes": "Lab verification findings known and not yet fixed (tests/verification_check.py): "
                        "'failed' = the first remedy the lab can apply did not remove the failure (reason in "
                        "the sidecar's verification); 'stale' = the remedy shown changed since it was verified "
                        "(re-verify with corpus/lab/verify --changed). This list only shrinks.",
               "failed": sorted(found["failed"]), "stale": sorted(found["stale"])}
        with open(known_path, "w") as f:
            json.dump(doc, f, indent=2)
            f.write("\n")
        print(f"{len(doc['failed'])} failed, {len(doc['stale'])} stale written to {known_path}")
        sys.exit(0)
    known = json.load(open(known_path)) if os.path.exists(known_path) else {}
    if "--lab" in sys.argv[3:]:
        dirs = [sys.argv[sys.argv.index("--lab") + 1]]
    else:
        dirs = sorted(glob.glob(os.path.join(repo, "corpus", "lab", "openssh-*")))
    sys.exit(check(sshdiag, repo, dirs, known=known))


if __name__ == "__main__":
    main()
