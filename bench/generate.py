#!/usr/bin/env python3
"""Deterministic synthetic corpus for crosswalk benchmarks (Python 3 standard library only).

    python3 bench/generate.py --pages N --out DIR
    python3 bench/generate.py --terms-only K [--prose-mb M] --out DIR

writes DIR/content/{glossary,constraints,tools,workflows,scenarios,notes}/..., DIR/crosswalk.yml
and DIR/templates/ (a copy of the repository's theme). The same arguments give the same bytes
on every run: one seeded random.Random drives every choice and nothing iterates a set or a
hash-ordered dict.

Page mix for --pages N: 20% glossary terms (most with aliases, some ALL-CAPS acronyms), 5% OT
constraints, 10% tool notes (each with a constraint map), N/500 workflows and scenarios (at
least 2 each), the rest plain notes in notes/area-NN/ folders of 200. Bodies average ~4.7 KB
with `##` headings, prose mentioning term titles and aliases (wrapped at ~96 columns, so
multi-word terms sometimes cross a line break), relative `.md` links with and without
`#anchors`, wikilinks, GFM pipe tables, code spans, fenced code, lists and callouts.
Every link, anchor, wikilink and front-matter relation points at something that exists, and
every title and alias is unique (case-insensitively), so no wikilink is ambiguous.

--terms-only K writes K terms plus ~M MB (default 4) of notes that mention them densely and
link only to terms: input for measuring the glossary auto-linker at a given term count.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import posixpath
import random
import shutil
import sys

DEFAULT_SEED = 20261129
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WRAP = 96
NOTES_PER_FOLDER = 200

# --------------------------------------------------------------------------------------------
# Vocabulary. Term titles are "A B" or "A B C" combinations; single words come from SINGLES.

MODIFIERS = """process safety remote field control network plant batch vendor passive
engineering operator historian alarm backup patch firmware boundary redundant legacy cyclic
wireless serial substation pipeline turbine compressor boiler furnace dosing cooling
pumping metering packaging conveyor mixing filling bottling blending grinding drying
kiln reactor tank valve motor drive relay breaker feeder transformer""".split()

NOUNS = """historian controller gateway switch interlock sensor transmitter positioner
workstation server console panel recorder logger scheduler bridge router firewall diode
proxy broker collector analyzer simulator emulator calibrator injector actuator encoder
governor regulator monitor supervisor sequencer dispatcher aggregator concentrator
multiplexer repeater converter isolator terminal cabinet enclosure module rack""".split()

QUALIFIERS = """policy review baseline register profile window envelope matrix budget
inventory ledger handbook checklist runbook playbook template record audit drill permit
certificate exemption waiver threshold setpoint limit tolerance margin interval schedule
roster journal dossier catalog digest summary census index registry""".split()

SINGLES = """Availability Integrity Segmentation Conduit Zone Firmware Historian Interlock
Setpoint Telemetry Heartbeat Watchdog Failover Quarantine Whitelisting Hardening Baselining
Provenance Attestation Commissioning Decommissioning Tagout Lockout Bypass Override
Trip Permissive Deadband Hysteresis Jitter Latency Determinism Redundancy Diversity
Obsolescence Patching Sandboxing Escrow Triage Containment Eradication""".split()

ALIAS_SUFFIXES = ["function", "capability", "practice", "arrangement", "facility", "scheme"]

RESERVED_ACRONYMS = set(
    "I A IT OT OK ID IO NO OR AN AS AT BE BY DO GO IF IN IS OF ON SO TO UP US WE ME MY HE SOC DMZ".split()
)

ROLES = [
    "control engineer", "shift supervisor", "SOC analyst", "plant manager", "network engineer",
    "instrument technician", "safety engineer", "change manager", "vendor engineer",
    "process engineer", "IT service owner", "OT security lead", "maintenance planner",
]
EVENTS = [
    "planned outage", "turnaround", "shift handover", "audit", "incident bridge", "change review",
    "tabletop exercise", "vendor visit", "site acceptance test", "quarterly review",
]
GENERIC = [
    "the control network", "the enterprise network", "the DMZ", "the plant floor", "the SOC",
    "the engineering workstation", "the outage window", "the change ticket", "the vendor",
    "the safety case", "the process", "the operators", "the maintenance team", "the backup",
    "the asset register", "the network diagram", "the alarm list", "the historian link",
    "the remote site", "the jump host", "the patch window", "the firewall rule set",
]
VERBS = [
    "depends on", "protects", "feeds", "is checked against", "is owned by", "constrains",
    "is reviewed with", "reports to", "replaces", "supervises", "limits", "is recorded in",
]
TAGS = [
    "process", "network", "device", "safety", "access", "monitoring", "recovery", "governance",
    "protocol", "vulnerability", "identity", "data", "people", "vendor", "architecture",
]
OWNERS = [
    "Control systems engineer", "OT security lead", "SOC manager", "Plant manager",
    "Instrumentation engineer", "Network architect", "Safety engineer", "Change manager",
]
WHY = ["availability", "safety", "certification", "legacy", "regulatory"]
PURDUE = [0, 1, 2, 3, 3.5, 4, 5]
STANDARDS = [
    "NIST SP 800-82r3", "IEC 62443-2-1", "IEC 62443-2-3", "IEC 62443-3-2", "IEC 62443-3-3",
    "IEC 62443-4-2", "IEC 61511", "ISA-95", "NERC CIP-007", "NIS2", "ISO/IEC 27001",
]
TOOL_CATEGORIES = [
    "vulnerability management", "endpoint protection", "patch management", "monitoring",
    "remote access", "identity", "backup", "network security", "asset management",
]
VERDICTS = ["ok", "caution", "avoid"]
CODE_SNIPPETS = [
    "show running-config", "ping -c 3 10.20.0.1", "modbus read 40001 10", "nmap -sn", "tcpdump -i eth1",
    "systemctl status historian", "Get-HotFix", "snmpwalk -v2c", "opc ua browse", "ls /var/log",
    "iptables -L -n", "reg query HKLM", "dnp3 class 0 poll", "arp -a",
]
CODE_LANGS = ["text", "yaml", "sh", "ini"]
CALLOUTS = ["NOTE", "WARNING", "IT", "OT", "SAFETY"]

# Fixed headings per kind: every page of the kind has them, so `#anchors` to them resolve.
FIXED_HEADINGS = {
    "term": ["Overview", "In IT", "In OT", "Example", "What to ask the other side"],
    "constraint": ["What must not happen", "Why", "Where it applies", "Working with it"],
    "tool": ["What it does in IT", "How it behaves on an OT network", "Where it fits"],
    "workflow": ["Before you start", "Steps in detail", "Hand-offs"],
    "scenario": ["Setting", "Injects", "Debrief questions"],
    "note": ["Context", "Observations", "Follow-up"],
}
EXTRA_HEADINGS = [
    "Common misunderstandings", "Field experience", "Questions for the change board",
    "Measurements", "History", "Related practice", "Failure modes", "Evidence",
    "Who decides", "Costs and trade-offs", "Training", "Open questions", "Lessons learned",
    "Standards and guidance", "Interfaces", "Monitoring it", "Recovery", "Documentation",
]
FOLDERS = {
    "term": "glossary", "constraint": "constraints", "tool": "tools",
    "workflow": "workflows", "scenario": "scenarios",
}

SENTENCES = [
    "{T} {v} {g} and the {r} signs off before the {e}.",
    "On the IT side {T} is routine, but on the plant floor it {v} {g}.",
    "Ask the {r} how {T} behaves during a {e}; the answer is rarely written down.",
    "When {T} fails, {g} keeps running on local logic until the {r} intervenes.",
    "A {e} is the usual moment to check {T} against {g}.",
    "Most disagreements about {T} come from different ideas of {g}.",
    "The {r} keeps a record of every change to {T}, including who approved it and why.",
    "Nobody should assume that {T} and {U} mean the same thing to both teams.",
    "{T} {v} {U}, which is why the {r} wants both on the same drawing.",
    "Before the {e}, confirm that {g} still matches what {T} expects.",
    "In a plant, {T} is an engineering decision, not an operational one.",
    "The vendor documents {T} only for the certified configuration, so deviations need the {r}.",
    "Treat {T} as part of {g} and budget time for it at every {e}.",
    "Alarms raised by {T} go to the operators first and to the SOC second.",
    "If {T} is unavailable, the {r} falls back to manual rounds and paper logs.",
    "The audit trail shows {T} changing twice in a year, both times during a {e}.",
    "It took a {e} to discover that {T} quietly depended on {U}.",
    "Good practice is to test {T} on a spare unit before it reaches {g}.",
]
FILLER = [
    "The team wrote this down after a long night on the incident bridge.",
    "None of this is new to the people who run the plant every day.",
    "The shift log is the first place to look, and usually the most honest one.",
    "Both teams agreed on the wording only after walking the site together.",
    "Keep the explanation short enough to read on a tablet at the panel.",
    "The numbers below come from two sites and should be read as examples.",
    "Change is possible, but it is planned months ahead and rehearsed.",
    "The cheapest fix is often a phone call between the right two people.",
]


def github_id(text: str) -> str:
    """crosswalk's heading id: lower case, keep letters/digits/-/_, spaces to '-'."""
    out = []
    for ch in text.lower():
        if ch.isalnum() or ch in "-_":
            out.append(ch)
        elif ch == " ":
            out.append("-")
    return "".join(out) or "section"


def yq(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=True)


def ylist(items) -> str:
    return "[" + ", ".join(items) + "]"


# --------------------------------------------------------------------------------------------
class Corpus:
    def __init__(self, counts: dict, seed: int, prose_terms_only: bool = False):
        self.rng = random.Random(seed)
        self.counts = counts
        self.terms_only = prose_terms_only
        self.pages = {}  # kind -> list of page dicts (ordered)
        self.names = {}  # lower-cased title/alias -> slug (uniqueness)
        self.all_pages = []
        self._make_terms(counts["term"])
        self._make_simple("constraint", counts["constraint"], self._constraint_title)
        self._make_simple("tool", counts["tool"], self._tool_title)
        self._make_simple("workflow", counts["workflow"], self._workflow_title)
        self._make_simple("scenario", counts["scenario"], self._scenario_title)
        self._make_notes(counts["note"])
        # Link targets by kind, for prose: any page except workflows/scenarios' siblings.
        self.link_kinds = [k for k in ("term", "constraint", "tool", "note") if self.pages.get(k)]

    # ---- identity ---------------------------------------------------------------------------
    def _claim(self, name: str, slug: str) -> bool:
        key = name.lower()
        if key in self.names:
            return False
        self.names[key] = slug
        return True

    def _add(self, kind: str, slug: str, title: str, path: str, **extra) -> dict:
        page = {"kind": kind, "slug": slug, "title": title, "path": path, "aliases": []}
        page.update(extra)
        self.pages.setdefault(kind, []).append(page)
        self.all_pages.append(page)
        return page

    def _make_terms(self, count: int) -> None:
        rng = self.rng
        singles = list(SINGLES)
        twos = [(a, b) for a in MODIFIERS for b in NOUNS]
        threes = [(a, b, c) for a in MODIFIERS for b in NOUNS for c in QUALIFIERS]
        rng.shuffle(singles)
        rng.shuffle(twos)
        rng.shuffle(threes)
        n_single = min(len(singles), max(1, count // 12))
        n_two = min(len(twos), max(1, (count * 4) // 10))
        titles = [(w,) for w in singles[:n_single]] + twos[:n_two]
        titles += threes[: max(0, count - len(titles))]
        if len(titles) < count:
            sys.exit(f"generate.py: at most {len(singles) + len(twos) + len(threes)} terms")
        rng.shuffle(titles)
        for i, words in enumerate(titles[:count]):
            slug = f"term-{i + 1}"
            title = " ".join(w.capitalize() if j == 0 else w for j, w in enumerate(words))
            assert self._claim(title, slug)
            self._add("term", slug, title, f"glossary/{slug}.md", words=words)
        # Aliases after all titles are claimed, so an alias never shadows a later title.
        for page in self.pages.get("term", []):
            words = page["words"]
            roll = rng.random()
            if roll < 0.4:
                continue  # 40% have no alias
            candidates = []
            if len(words) > 1 and rng.random() < 0.6:
                acronym = "".join(w[0] for w in words).upper()
                if rng.random() < 0.3:
                    acronym += words[-1][1].upper()
                if acronym not in RESERVED_ACRONYMS:
                    candidates.append(acronym)
            if rng.random() < 0.6:
                plural = plural_of(words[-1])
                if plural:
                    candidates.append(" ".join(list(words[:-1]) + [plural]).lower())
            if rng.random() < 0.35:
                candidates.append(" ".join(words).lower() + " " + rng.choice(ALIAS_SUFFIXES))
            for alias in candidates:
                if self._claim(alias, page["slug"]):
                    page["aliases"].append(alias)

    def _constraint_title(self, i: int) -> str:
        a, b = self.rng.choice(MODIFIERS), self.rng.choice(NOUNS)
        verb = self.rng.choice(["No changes to", "Supervised access to", "Certified firmware on",
                                "Passive monitoring of", "Planned outages for", "Isolation of"])
        return f"{verb} {a} {b}s, rule {i}"

    def _tool_title(self, i: int) -> str:
        self._category = self.rng.choice(TOOL_CATEGORIES)
        return f"{self._category.capitalize()} tool {i}"

    def _workflow_title(self, i: int) -> str:
        return f"Joint {self.rng.choice(EVENTS)} workflow {i}"

    def _scenario_title(self, i: int) -> str:
        return f"Tabletop: {self.rng.choice(MODIFIERS)} {self.rng.choice(NOUNS)} compromise {i}"

    def _make_simple(self, kind: str, count: int, title_fn) -> None:
        for i in range(1, count + 1):
            slug = f"{kind}-{i}"
            title = title_fn(i)
            assert self._claim(title, slug), title
            page = self._add(kind, slug, title, f"{FOLDERS[kind]}/{slug}.md")
            if kind == "tool":
                page["category"] = self._category

    def _make_notes(self, count: int) -> None:
        for i in range(1, count + 1):
            slug = f"note-{i}"
            area = (i - 1) // NOTES_PER_FOLDER + 1
            title = f"Field note {i}: {self.rng.choice(EVENTS)} at the {self.rng.choice(MODIFIERS)} unit"
            assert self._claim(title, slug), title
            self._add("note", slug, title, f"notes/area-{area:02d}/{slug}.md")

    # ---- prose ------------------------------------------------------------------------------
    def term_mention(self, rng) -> list:
        """Atoms (wrappable units) naming a term by title, alias or acronym."""
        page = rng.choice(self.pages["term"])
        names = [page["title"].lower()] + page["aliases"]
        name = rng.choice(names)
        if rng.random() < 0.1:
            name = name.capitalize() if not name.isupper() else name
        style = rng.random()
        if style < 0.08:
            return [f"*{name}*"] if " " not in name else ("*" + name + "*").split(" ")
        if style < 0.12 and name.isupper():
            return [name + "'s"]
        return name.split(" ")

    def rel_link(self, rng, src: str, kinds=None) -> list:
        kind = rng.choice(kinds or self.link_kinds)
        target = rng.choice(self.pages[kind])
        dest = posixpath.relpath(target["path"], posixpath.dirname(src))
        if rng.random() < 0.3:
            dest += "#" + github_id(rng.choice(FIXED_HEADINGS[kind]))
        label = target["title"].lower() if rng.random() < 0.7 else rng.choice(["see this", "details", "here"])
        words = label.split(" ")
        words[0] = "[" + words[0]
        words[-1] = words[-1] + "](" + dest + ")"
        return words

    def wikilink(self, rng, in_table: bool = False) -> str:
        kind = rng.choice(self.link_kinds)
        target = rng.choice(self.pages[kind])
        r = rng.random()
        if in_table or r < 0.45:
            return f"[[{target['slug']}]]"
        if r < 0.6 and kind in ("term", "constraint"):
            # Only one-word headings: the id and the heading text agree apart from case.
            heading = rng.choice(["Overview", "Example"]) if kind == "term" else "Why"
            return f"[[{target['slug']}#{github_id(heading)}]]"
        label = rng.choice(["this", "the related page", target["title"].lower().split(":")[0]])
        name = target["title"]
        if target["aliases"] and rng.random() < 0.3:
            name = target["aliases"][0]
        return f"[[{name}|{label}]]"

    def sentence(self, rng, src: str) -> list:
        template = rng.choice(SENTENCES)
        atoms = []
        for part in template.split(" "):
            if "{T}" in part or "{U}" in part:
                pre, post = part.split("{T}" if "{T}" in part else "{U}")
                mention = self.term_mention(rng)
                mention[0] = pre + mention[0]
                mention[-1] = mention[-1] + post
                if pre == "" and atoms == [] and mention[0][:1].islower():
                    mention[0] = mention[0][0].upper() + mention[0][1:]
                atoms += mention
            elif "{g}" in part:
                atoms += part.replace("{g}", rng.choice(GENERIC)).split(" ")
            elif "{r}" in part:
                atoms += part.replace("{r}", rng.choice(ROLES)).split(" ")
            elif "{e}" in part:
                event = rng.choice(EVENTS)
                if atoms and atoms[-1] == "a" and event[0] in "aeiou":
                    atoms[-1] = "an"
                atoms += part.replace("{e}", event).split(" ")
            elif "{v}" in part:
                atoms += part.replace("{v}", rng.choice(VERBS)).split(" ")
            else:
                atoms.append(part)
        extra = rng.random()
        if extra < (0.25 if self.terms_only else 0.18):
            atoms += ["See"] + self.rel_link(rng, src, ["term"] if self.terms_only else None)
            atoms[-1] += "."
        elif extra < 0.26 and not self.terms_only:
            atoms += ["Compare", self.wikilink(rng) + "."]
        elif extra < 0.33:
            atoms += ["Check", "with", "`" + rng.choice(CODE_SNIPPETS) + "`."]
        return atoms

    def paragraph(self, rng, src: str) -> str:
        atoms = []
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.12:
                atoms += rng.choice(FILLER).split(" ")
            atoms += self.sentence(rng, src)
        if rng.random() < 0.2:
            return " ".join(atoms)  # one long line, as many authors write
        return wrap(atoms)

    def table(self, rng, src: str) -> str:
        rows = ["| Term | IT view | OT view | Reference |", "|---|---|:---:|---|"]
        for _ in range(rng.randint(3, 7)):
            term = " ".join(self.term_mention(rng))
            it = rng.choice(["routine", "automated", "weekly", "`" + rng.choice(CODE_SNIPPETS) + "`"])
            ot = rng.choice(["planned outage", "vendor approval", "never remote", "engineering change"])
            ref = " ".join(self.rel_link(rng, src)) if rng.random() < 0.5 else self.wikilink(rng, in_table=True)
            rows.append(f"| {term} | {it} | {ot} | {ref} |")
        return "\n".join(rows)

    def code_block(self, rng) -> str:
        lang = rng.choice(CODE_LANGS)
        lines = []
        for _ in range(rng.randint(3, 9)):
            term = self.rng.choice(self.pages["term"])["title"].lower()
            lines.append(rng.choice([
                f"# {term}",
                f"{rng.choice(CODE_SNIPPETS)}",
                f"{term.replace(' ', '_')}: {rng.randint(0, 9999)}",
                f"check {term} --zone {rng.randint(1, 5)}",
            ]))
        return f"```{lang}\n" + "\n".join(lines) + "\n```"

    def bullet_list(self, rng, src: str) -> str:
        items = []
        for _ in range(rng.randint(3, 6)):
            atoms = ["-"] + self.sentence(rng, src)
            items.append(wrap(atoms, indent="  "))
        return "\n".join(items)

    def callout(self, rng, src: str) -> str:
        kind = rng.choice(CALLOUTS)
        body = " ".join(self.sentence(rng, src))
        return f"> [!{kind}]\n> {body}"

    def section(self, rng, src: str) -> list:
        blocks = [self.paragraph(rng, src)]
        for _ in range(rng.randint(0, 2)):
            r = rng.random()
            if r < 0.18 and not self.terms_only:
                blocks.append(self.table(rng, src))
            elif r < 0.32:
                blocks.append(self.code_block(rng))
            elif r < 0.5:
                blocks.append(self.bullet_list(rng, src))
            elif r < 0.58:
                blocks.append(self.callout(rng, src))
            else:
                blocks.append(self.paragraph(rng, src))
        return blocks

    def body(self, page: dict, target: int) -> str:
        rng = self.rng
        src = page["path"]
        kind = page["kind"]
        headings = list(FIXED_HEADINGS[kind])
        if self.terms_only and kind == "term":
            # Auto-linker input: the terms are the dictionary, the notes are the text.
            blocks = [wrap(self.sentence(rng, src))]
            for heading in headings:
                blocks += ["## " + heading, wrap(self.sentence(rng, src))]
            return "\n\n".join(blocks) + "\n"
        extras = [h for h in EXTRA_HEADINGS]
        rng.shuffle(extras)
        blocks = [self.paragraph(rng, src)]
        size = len(blocks[0])
        i = 0
        while i < len(headings) or size < target:
            if i < len(headings):
                heading = headings[i]
            elif i - len(headings) < len(extras):
                heading = extras[i - len(headings)]
                if rng.random() < 0.3:  # a term title in a heading: must never be auto-linked
                    heading = self.rng.choice(self.pages["term"])["title"] + " and " + heading.lower()
            else:
                heading = f"Part {i}"
            i += 1
            blocks.append("## " + heading)
            if kind == "tool" and heading == "Where it fits" and page.get("constraint_map"):
                blocks.append(self.verdict_table(page, src))
            section = self.section(rng, src)
            blocks += section
            size += len(heading) + sum(len(b) for b in section)
        return "\n\n".join(blocks) + "\n"

    def verdict_table(self, page: dict, src: str) -> str:
        rows = ["| Constraint | Verdict | Note |", "|---|---|---|"]
        for slug, verdict, note in page["constraint_map"]:
            dest = posixpath.relpath(f"constraints/{slug}.md", posixpath.dirname(src))
            rows.append(f"| [{slug}]({dest}) | {verdict} | {note} |")
        return "\n".join(rows)

    # ---- front matter -----------------------------------------------------------------------
    def front_matter(self, page: dict) -> str:
        rng = self.rng
        kind = page["kind"]
        lines = ["---", f"title: {yq(page['title'])}"]
        if kind == "term":
            if page["aliases"]:
                lines.append("aliases: " + ylist(yq(a) for a in page["aliases"]))
            t = page["title"].lower()
            lines.append(f"summary: {yq(f'The {t} as both teams use the word, with what each side assumes about it.')}")
            lines.append(f"it: {yq(f'An IT view of the {t}: {rng.choice(VERBS)} {rng.choice(GENERIC)}, handled by the {rng.choice(ROLES)}.')}")
            lines.append(f"ot: {yq(f'An OT view of the {t}: changed only in a {rng.choice(EVENTS)}, owned by the {rng.choice(ROLES)}.')}")
            others = self.pages["term"]
            if len(others) > 1:
                related = []
                for _ in range(rng.randint(2, 4)):
                    other = rng.choice(others)["slug"]
                    if other != page["slug"] and other not in related:
                        related.append(other)
                lines.append("related: " + ylist(related))
        elif kind == "constraint":
            lines.append(f"summary: {yq('A plant fact that enterprise tooling must respect: ' + page['title'].lower() + '.')}")
            why = sorted(rng.sample(WHY, rng.randint(1, 3)), key=WHY.index)
            lines.append("why: " + ylist(why))
            purdue = sorted(rng.sample(PURDUE, rng.randint(1, 4)))
            lines.append("purdue: " + ylist(str(p) for p in purdue))
            lines.append("references:")
            for std in rng.sample(STANDARDS, rng.randint(1, 3)):
                lines.append(f"  - {{standard: {yq(std)}, note: {yq('guidance on ' + rng.choice(GENERIC)[4:] + ' and ' + rng.choice(EVENTS))}}}")
        elif kind == "tool":
            lines.append(f"summary: {yq('What this ' + page['category'] + ' tool does, and how it meets each OT constraint.')}")
            lines.append(f"category: {yq(page['category'])}")
            cmap = []
            constraints = self.pages.get("constraint", [])
            if constraints:
                chosen = []
                for _ in range(rng.randint(2, 6)):
                    slug = rng.choice(constraints)["slug"]
                    if slug not in chosen:
                        chosen.append(slug)
                lines.append("constraints:")
                for slug in chosen:
                    verdict = rng.choice(VERDICTS)
                    note = f"{rng.choice(SENTENCES).replace('{T}', 'the agent').replace('{U}', 'the scanner').replace('{g}', rng.choice(GENERIC)).replace('{r}', rng.choice(ROLES)).replace('{e}', rng.choice(EVENTS)).replace('{v}', rng.choice(VERBS))}"
                    note = note[0].upper() + note[1:]
                    cmap.append((slug, verdict, note))
                    lines.append(f"  {slug}: {{verdict: {verdict}, note: {yq(note)}}}")
            page["constraint_map"] = cmap
        elif kind == "workflow":
            lines.append(f"summary: {yq('From request to verified result, across IT and OT.')}")
            lines.append("steps:")
            for s in range(rng.randint(4, 8)):
                lane = rng.choice(["it", "ot", "joint"])
                step = f"  - {{lane: {lane}, action: {yq(rng.choice(['Raise', 'Assess', 'Approve', 'Schedule', 'Verify', 'Record']) + ' ' + rng.choice(GENERIC)[4:])}, owner: {yq(rng.choice(ROLES).capitalize())}"
                if lane == "ot" and rng.random() < 0.5:
                    step += ", authority: true"
                if lane == "joint":
                    step += ", handoff: true"
                lines.append(step + "}")
        elif kind == "scenario":
            lines.append(f"summary: {yq('A joint tabletop exercise: the IT side is hit, the plant feels it.')}")
            lines.append("injects:")
            for s in range(rng.randint(3, 6)):
                at = f"T+{s}:{rng.choice(['00', '15', '30', '45'])}"
                lines.append(
                    f"  - {{at: {yq(at)}, event: {yq(rng.choice(GENERIC)[4:].capitalize() + ' is unavailable')}, "
                    f"it: [{yq('Who isolates ' + rng.choice(GENERIC) + '?')}], ot: [{yq('Can ' + rng.choice(GENERIC) + ' run on paper?')}]}}"
                )
        else:
            lines.append(f"summary: {yq('Notes from a ' + rng.choice(EVENTS) + ', written for both teams.')}")
        lines.append("tags: " + ylist(sorted(rng.sample(TAGS, rng.randint(1, 3)), key=TAGS.index)))
        lines.append(f"owner: {yq(rng.choice(OWNERS))}")
        lines.append("reviewed: 2026-11-01")
        lines.append("review_by: 2036-11-01")
        lines.append("---")
        return "\n".join(lines) + "\n\n"

    # ---- output -----------------------------------------------------------------------------
    def write(self, content_dir: str, body_min: int, body_max: int) -> tuple:
        total = 0
        made = set()
        for page in self.all_pages:
            fm = self.front_matter(page)
            text = fm + self.body(page, self.rng.randint(body_min, body_max))
            path = os.path.join(content_dir, page["path"])
            folder = os.path.dirname(path)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            data = text.encode("utf-8")
            with open(path, "wb") as handle:
                handle.write(data)
            total += len(data)
        return len(self.all_pages), total


def plural_of(word: str):
    if word.endswith(("s", "x", "ch", "sh")):
        return None
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def wrap(atoms: list, indent: str = "") -> str:
    """Joins atoms with spaces, breaking lines at ~WRAP columns (never inside an atom)."""
    lines = []
    line = ""
    for atom in atoms:
        if line and len(line) + 1 + len(atom) > WRAP:
            lines.append(line)
            line = indent + atom
        else:
            line = line + " " + atom if line else atom
    if line:
        lines.append(line)
    return "\n".join(lines)


def counts_for(pages: int) -> dict:
    if pages < 20:
        sys.exit("generate.py: --pages must be at least 20")
    counts = {
        "term": pages // 5,
        "constraint": max(2, pages // 20),
        "tool": max(2, pages // 10),
        "workflow": max(1, pages // 500),
        "scenario": max(1, pages // 500),
    }
    counts["note"] = pages - sum(counts.values())
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, help="number of content pages")
    parser.add_argument("--terms-only", type=int, metavar="K", help="K terms plus prose notes only")
    parser.add_argument("--prose-mb", type=float, default=4.0, help="with --terms-only: MB of notes")
    parser.add_argument("--out", required=True, help="folder to write (content/ inside it is replaced)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--templates", default=os.path.join(REPO_ROOT, "templates"),
                        help="theme folder copied to OUT/templates (default: the repository's)")
    parser.add_argument("--reuse", action="store_true",
                        help="keep OUT/content when OUT/.corpus-stamp says it was made by the same "
                             "generator and arguments (templates and crosswalk.yml are refreshed)")
    args = parser.parse_args(argv)
    if (args.pages is None) == (args.terms_only is None):
        parser.error("give exactly one of --pages N or --terms-only K")

    if args.terms_only is not None:
        if args.terms_only < 1:
            parser.error("--terms-only needs at least 1 term")
        notes = max(1, int(args.prose_mb * 1024 * 1024 / 4700))
        counts = {"term": args.terms_only, "constraint": 0, "tool": 0, "workflow": 0, "scenario": 0, "note": notes}
    else:
        counts = counts_for(args.pages)

    with open(os.path.abspath(__file__), "rb") as handle:
        generator_hash = hashlib.sha256(handle.read()).hexdigest()
    stamp = json.dumps({"counts": counts, "seed": args.seed, "generator": generator_hash}, sort_keys=True)

    out = os.path.abspath(args.out)
    content = os.path.join(out, "content")
    stamp_path = os.path.join(out, ".corpus-stamp")
    reused = False
    if args.reuse and os.path.isdir(content) and os.path.isfile(stamp_path):
        with open(stamp_path, encoding="utf-8") as handle:
            reused = handle.read() == stamp

    os.makedirs(out, exist_ok=True)
    if not reused:
        if os.path.exists(stamp_path):
            os.remove(stamp_path)
        if os.path.isdir(content):
            shutil.rmtree(content)
        os.makedirs(content)
        corpus = Corpus(counts, args.seed, prose_terms_only=args.terms_only is not None)
        page_count, total = corpus.write(content, 800, 5200)
        with open(stamp_path, "w", encoding="utf-8") as handle:
            handle.write(stamp)

    title = f"crosswalk bench ({sum(counts.values())} pages)"
    with open(os.path.join(out, "crosswalk.yml"), "w", encoding="utf-8") as handle:
        handle.write(f"title: {yq(title)}\n")
    theme = os.path.join(out, "templates")
    if os.path.islink(theme) or os.path.isfile(theme):
        os.remove(theme)
    elif os.path.isdir(theme):
        shutil.rmtree(theme)
    shutil.copytree(args.templates, theme)

    if reused:
        print(f"reused {out}/content ({sum(counts.values())} pages, same generator and arguments)")
    else:
        print(f"wrote {page_count} pages, {total / 1e6:.1f} MB ({total / page_count / 1000:.2f} KB/page) "
              f"into {out}/content")
    return 0


if __name__ == "__main__":
    sys.exit(main())
