# sshdiag failure lab: what a remedy shown by sshdiag asks for, and the sidecar writer.
#
# Shared by corpus/lab/lib.sh (sidecars), corpus/lab/verify (the remedy check) and
# tests/verification_check.py (the ctest that holds sidecars to today's output), so that
# the three agree on the sidecar format, on which remedy is checked and on its text.
import json
import os
import re
import subprocess

LAB_TMP_PREFIX = "/var/lib/sshdiag-lab/run."


def write_sidecar(path, obj):
    """The lab's JSON writer: indent 2, a final newline (every sidecar is written so)."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)


def remedy_text(r):
    """The actionable parts of a remedy exactly as sshdiag prints them (the lines a user
    copies): the ~/.ssh/config block, the -o option, the sshd_config lines, the commands.
    Titles, notes and risks are wording and are not part of it."""
    out = [f"[{r.get('where')}] {r.get('id')}"]
    if r.get("config"):
        out.append("In ~/.ssh/config:")
        out += ["  " + line for line in r["config"].split("\n")]
    if r.get("option"):
        out.append("Once:  ssh " + r["option"] + " ...")
    if r.get("server_config"):
        out.append("In sshd_config:")
        out += ["  " + line for line in r["server_config"].split("\n")]
    for c in r.get("commands") or []:
        out.append("$ " + c)
    return "\n".join(out)


def top_diagnosis(sshdiag, log):
    """sshdiag --format json on LOG: the first diagnosis of the first failed session
    (None when there is none)."""
    p = subprocess.run([sshdiag, "--format", "json", log], capture_output=True, text=True,
                       timeout=120, env=dict(os.environ, LC_ALL="C", LANG="C"))
    if p.returncode == 2:
        raise RuntimeError(f"sshdiag failed on {log}: {p.stderr.strip()}")
    d = json.loads(p.stdout)
    for dg in d.get("diagnoses") or []:
        if dg.get("alternative_to") is None:
            return dg
    return None


# Remedy kinds the lab applies by itself: a client remedy's ~/.ssh/config block or -o
# option, a server remedy's sshd_config lines (OpenSSH servers only) or its dropbearkey
# host key (a dropbear the scenario starts).  Anything else is
# skipped with the reason why, and the next remedy shown is taken.
# a value the user is to fill in (KEY-FOR-THIS-SERVER, HOST, <name>): the lab cannot choose it
# (an example.org/.com/.net name too: it stands for the user's own host)
PLACEHOLDER = re.compile(r"\b[A-Z]+(?:-[A-Z0-9]+)+\b|\b(?:HOST|JUMPHOST|USER|PORT)\b|<[a-z_]+>"
                         r"|[A-Za-z0-9.-]*\bexample\.(?:org|com|net)\b|\byour-[a-z-]+")


def placeholders(r):
    found = []
    for k in ("config", "option", "server_config"):
        found += PLACEHOLDER.findall(r.get(k) or "")
    return sorted(set(found))


# config keywords whose value is a file (or program, directory) that must already exist for
# the line to work: a remedy naming one the log does not show is an example for the user to
# adapt (their key, their CA, their key service), not a change the lab can apply as printed
FILE_KEYWORDS = {"identityfile", "certificatefile", "identityagent", "hostcertificate", "hostkey",
                 "authorizedkeyscommand", "authorizedprincipalscommand", "trustedusercakeys",
                 "revokedkeys", "revokedhostkeys", "chrootdirectory"}


def paths_not_in_log(r, log_text):
    """The files remedy R's config lines need (FILE_KEYWORDS) that LOG_TEXT never names, or
    names only as a default identity ssh found missing (~/x counts as named when the log has
    /x at any home); of a path with a %-expansion
    (/srv/sftp/%u) the part before it is what the log must name."""
    if log_text is None:
        return []
    out = []
    for k in ("config", "server_config"):
        for line in (r.get(k) or "").split("\n"):
            w = line.strip().split(None, 1)
            if len(w) < 2 or w[0].lower() not in FILE_KEYWORDS:
                continue
            for path in re.findall(r"(?:~|/)[^\s\"']+", w[1]):
                lit = path.split("%", 1)[0]
                lit = lit[1:] if lit.startswith("~") else lit
                if not lit.strip("/"):
                    continue
                # named, but only as a default identity ssh found missing ('identity file X type -1')
                missing = re.search(r"identity file \S*" + re.escape(lit) + r" type -1$", log_text, re.M) and \
                    not re.search(r"identity file \S*" + re.escape(lit) + r" type [0-9]", log_text)
                if lit not in log_text or missing:
                    out.append(path)
    return out


# a server remedy that gives a dropbear server a host key of a type (dropbearkey -t TYPE -f FILE,
# then a restart): the lab applies it to a dropbear the scenario starts (LAB_EXTRA_DROPBEAR_HOSTKEYS)
DROPBEARKEY = re.compile(r"^dropbearkey -t ([a-z0-9]+) -f \S+")


# a server remedy's persistent tun/tap device for the account (ip tuntap add dev DEV mode MODE
# user USER): the lab makes it in the scenario's server namespace along with the sshd_config lines
TUNTAP = re.compile(r"^(?:sudo )?ip tuntap add dev ([A-Za-z0-9_.-]+) mode (tun|tap) user ([a-z_][a-z0-9_.-]*)(?:\s|$)")


def tuntap_devices(r):
    """The "DEV MODE USER" of each 'ip tuntap add' command of remedy R."""
    out = []
    for c in r.get("commands") or []:
        m = TUNTAP.match(c.strip())
        if m:
            out.append(" ".join(m.groups()))
    return out


def dropbear_host_key_types(r):
    """The host key types remedy R's commands have dropbearkey make ([] when none)."""
    out = []
    for c in r.get("commands") or []:
        m = DROPBEARKEY.match(c.strip())
        if m and m.group(1) not in out:
            out.append(m.group(1))
    return out


def why_not_applied(r, server_is_openssh, log_text=None):
    where = r.get("where")
    ph = placeholders(r)
    if ph and where in ("client", "server"):
        return ("it asks the user to fill in " + ", ".join(ph) +
                ": a value the lab cannot choose for them")
    foreign = paths_not_in_log(r, log_text)
    if foreign and where in ("client", "server"):
        return ("its config names " + ", ".join(foreign) + ", which the log does not show (or shows missing): an example "
                "for the user to adapt (their key, CA or key service), not a change the lab can apply as printed")
    if where == "network":
        return "network-side: a change to the network path, which the lab cannot make on the user's behalf"
    if where == "client":
        if r.get("config") or r.get("option"):
            return None
        return "client commands only: a check to run or a step for a person (the lab applies config blocks and -o options)"
    if where == "server":
        if r.get("server_config"):
            if not server_is_openssh:
                return "sshd_config lines, but the scenario's server is not an OpenSSH sshd (dropbear or a stand-in)"
            return None
        if dropbear_host_key_types(r):
            if server_is_openssh:
                return "dropbearkey commands, but the scenario's server is an OpenSSH sshd"
            return None
        return "server commands only: a check to run, or a change for the administrator (upgrade, keys, logs)"
    return f"unknown side '{where}'"


def plan(diag, server_is_openssh, log_text=None):
    """Which remedy of DIAG (the top diagnosis) the lab checks: the first remedy shown that
    it can apply.  Returns (index, remedy or None, skipped) where skipped lists the remedies
    shown before it ({id, text, why}); index is 1-based, 0 when none applies.  LOG_TEXT, the
    log's text, tells which files the log names (paths_not_in_log)."""
    skipped = []
    for i, r in enumerate((diag or {}).get("remedies") or [], start=1):
        why = why_not_applied(r, server_is_openssh, log_text)
        if why is None:
            return i, r, skipped
        skipped.append({"id": r.get("id"), "text": remedy_text(r), "why": why})
    return 0, None, skipped


def is_vvv_sidecar(obj):
    """A client -vvv log of a scenario (not a -v/plain or wrapper copy, not sshd's own log:
    source.side "server", whose remedies are checked through the client's log)."""
    src = obj.get("source") or {}
    return src.get("verbosity", "vvv") == "vvv" and not src.get("wrapper") and src.get("side") != "server"


def server_is_openssh(sidecar):
    """Whether the scenario's server is an OpenSSH sshd the lab configures: what the lab run
    saw (verification.sshd), else what the sidecar's source.server says."""
    v = sidecar.get("verification") or {}
    if "sshd" in v:
        return bool(v["sshd"])
    return str((sidecar.get("source") or {}).get("server", "")).startswith("OpenSSH")


def read_log(path):
    """A log's text as plan() reads it (undecodable bytes replaced, no carriage returns:
    ssh's -vvv lines end in CR LF when a pty was asked for)."""
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "replace").replace("\r", "")


def stale(sidecar, diag, log_text=None):
    """Why the sidecar's verification no longer describes what sshdiag shows today, or None."""
    v = sidecar.get("verification") or {}
    idx, r, skipped = plan(diag, server_is_openssh(sidecar), log_text)
    # the remedy checked; when none can be, the first one shown (None: no remedy at all)
    today_text = remedy_text(r) if r else (skipped[0]["text"] if skipped else None)
    today_skipped = [(s["id"], s["text"]) for s in skipped]
    was_skipped = [(s.get("id"), s.get("text")) for s in v.get("skipped") or []]
    if today_text != v.get("remedy_text"):
        return ("the remedy checked in the lab was\n" + indent(v.get("remedy_text")) +
                "\n  and sshdiag now shows\n" + indent(today_text))
    if today_skipped != was_skipped:
        return ("the remedies shown before it changed: verified after " +
                json.dumps([s[0] for s in was_skipped]) + ", now " + json.dumps([s[0] for s in today_skipped]))
    if (diag or {}).get("kb") != v.get("kb"):
        return f"the top diagnosis changed: {v.get('kb')} then, {(diag or {}).get('kb')} now"
    return None


def indent(t):
    return "\n".join("    " + x for x in str(t).split("\n"))
