//! TempEval-3 scoring of the date tagger on TimeML files.
//!
//! Measures as TempEval-3 defines them (UzZaman et al., 2013): strict span match (same
//! extent) and relaxed match (overlapping extents) give precision, recall and F1 over timex
//! counts; value and type are *attribute* scores: among relaxed matches, those with the same
//! value (type) count as correct, so value P = correct / system timexes and value R =
//! correct / gold timexes. Only the TIMEX3s inside `<TEXT>` are scored; the document creation
//! time (`<DCT>`) is the tagger's reference date.

use std::fmt;
use std::path::Path;

use crate::analysis::timex;

/// A gold temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
}

/// A TimeML document: its creation time, plain text and gold timexes (byte offsets into
/// `text`).
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMlDoc {
    pub name: String,
    pub dct: Option<jiff::civil::Date>,
    pub text: String,
    pub gold: Vec<GoldTimex>,
}

/// Parses the TimeML of one file with an XML reader: the text is what lies inside `<TEXT>`
/// with its markup removed and its entities resolved, and each `<TIMEX3>` there a gold span of
/// that text.
pub fn parse_timeml(xml: &str) -> Result<TimeMlDoc, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let malformed = |at: u64, e: &dyn fmt::Display| format!("malformed TimeML at byte {at}: {e}");
    let mut dct = None;
    let mut in_dct = false;
    // `None` before `<TEXT>`, then the text so far; done once `</TEXT>` is met.
    let mut text: Option<String> = None;
    let mut done = false;
    let mut gold = Vec::new();
    let mut pending: Option<GoldTimex> = None;
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event().map_err(|e| malformed(at, &e))?;
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if text.is_none() => match e.name().as_ref() {
                b"DCT" => in_dct = true,
                b"TEXT" => text = Some(String::new()),
                _ if in_dct && dct.is_none() => {
                    dct = attribute(&e, "value")
                        .and_then(|v| v.get(..10).and_then(|d| d.parse().ok()));
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == b"DCT" => in_dct = false,
            Event::End(e) if e.name().as_ref() == b"TEXT" => {
                done = true;
                break;
            }
            Event::Start(e) if e.name().as_ref() == b"TIMEX3" => {
                if let Some(text) = &text {
                    pending = Some(GoldTimex {
                        start: text.len(),
                        end: text.len(),
                        kind: attribute(&e, "type").unwrap_or_default(),
                        value: attribute(&e, "value").unwrap_or_default(),
                    });
                }
            }
            Event::End(e) if e.name().as_ref() == b"TIMEX3" => {
                if let (Some(text), Some(mut t)) = (&text, pending.take()) {
                    t.end = text.len();
                    gold.push(t);
                }
            }
            Event::Text(t) => {
                if let Some(text) = &mut text {
                    text.push_str(&t.decode().map_err(|e| malformed(at, &e))?);
                }
            }
            Event::CData(t) => {
                if let Some(text) = &mut text {
                    text.push_str(&t.decode().map_err(|e| malformed(at, &e))?);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(text) = &mut text {
                    let name = r.decode().map_err(|e| malformed(at, &e))?;
                    match r.resolve_char_ref().ok().flatten() {
                        Some(c) => text.push(c),
                        None => match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(resolved) => text.push_str(resolved),
                            // An entity TimeML does not define stays as written.
                            None => text.push_str(&format!("&{name};")),
                        },
                    }
                }
            }
            _ => {}
        }
    }
    let text = text.ok_or("no <TEXT> element")?;
    if !done {
        return Err("no </TEXT>".into());
    }
    Ok(TimeMlDoc {
        name: String::new(),
        dct,
        text,
        gold,
    })
}

/// The unescaped value of attribute `name`.
fn attribute(tag: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    let a = tag.try_get_attribute(name).ok()??;
    Some(
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()?
            .into_owned(),
    )
}

/// Counts behind the TempEval-3 measures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub documents: usize,
    pub gold: usize,
    pub system: usize,
    /// System timexes with exactly a gold extent.
    pub strict: usize,
    /// System timexes overlapping a gold one (each gold matched at most once).
    pub relaxed: usize,
    /// Relaxed matches with the gold value.
    pub value: usize,
    /// Relaxed matches with the gold type.
    pub kind: usize,
}

/// Precision, recall and F1 from a count of correct answers.
fn prf(correct: usize, system: usize, gold: usize) -> (f64, f64, f64) {
    let p = if system == 0 {
        0.0
    } else {
        correct as f64 / system as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        correct as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl Scores {
    pub fn strict(&self) -> (f64, f64, f64) {
        prf(self.strict, self.system, self.gold)
    }
    pub fn relaxed(&self) -> (f64, f64, f64) {
        prf(self.relaxed, self.system, self.gold)
    }
    pub fn value(&self) -> (f64, f64, f64) {
        prf(self.value, self.system, self.gold)
    }
    pub fn kind(&self) -> (f64, f64, f64) {
        prf(self.kind, self.system, self.gold)
    }

    fn add(&mut self, other: Scores) {
        self.documents += other.documents;
        self.gold += other.gold;
        self.system += other.system;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        self.value += other.value;
        self.kind += other.kind;
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "TempEval-3 timex scores: {} documents, {} gold, {} system timexes",
            self.documents, self.gold, self.system
        )?;
        writeln!(f, "measure        precision  recall     F1")?;
        for (name, (p, r, f1)) in [
            ("strict span", self.strict()),
            ("relaxed span", self.relaxed()),
            ("value", self.value()),
            ("type", self.kind()),
        ] {
            writeln!(f, "{name:<14} {p:>9.4} {r:>7.4} {f1:>7.4}")?;
        }
        Ok(())
    }
}

/// Scores the tagger on one document.
pub fn score_doc(doc: &TimeMlDoc) -> Scores {
    let system = timex::tag(&doc.text, doc.dct);
    let mut s = Scores {
        documents: 1,
        gold: doc.gold.len(),
        system: system.len(),
        ..Scores::default()
    };
    let mut used = vec![false; doc.gold.len()];
    for t in &system {
        if doc
            .gold
            .iter()
            .any(|g| g.start == t.start && g.end == t.end)
        {
            s.strict += 1;
        }
        let matched = doc
            .gold
            .iter()
            .enumerate()
            .find(|(i, g)| !used[*i] && g.start < t.end && t.start < g.end);
        if let Some((i, g)) = matched {
            used[i] = true;
            s.relaxed += 1;
            if g.value == t.value {
                s.value += 1;
            }
            if g.kind
                == serde_json::to_value(t.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            {
                s.kind += 1;
            }
        }
    }
    s
}

/// The tagger's misses, false alarms and wrong values on one document, one line each, for
/// finding what to improve.
pub fn mismatches(doc: &TimeMlDoc) -> Vec<String> {
    let system = timex::tag(&doc.text, doc.dct);
    let mut out = Vec::new();
    let context = |s: usize, e: usize| {
        let from = crate::analysis::text::floor_char_boundary(&doc.text, s.saturating_sub(40));
        let to =
            crate::analysis::text::floor_char_boundary(&doc.text, (e + 40).min(doc.text.len()));
        doc.text[from..to].replace('\n', " ")
    };
    for g in &doc.gold {
        match system.iter().find(|t| g.start < t.end && t.start < g.end) {
            None => out.push(format!(
                "MISS  {:?} {} {} | {}",
                &doc.text[g.start..g.end],
                g.kind,
                g.value,
                context(g.start, g.end)
            )),
            Some(t) if t.value != g.value => out.push(format!(
                "VALUE {:?} gold {} {} got {:?} {} | dct {:?} | {}",
                &doc.text[g.start..g.end],
                g.kind,
                g.value,
                t.text,
                t.value,
                doc.dct.map(|d| d.to_string()),
                context(g.start, g.end)
            )),
            _ => {}
        }
    }
    for t in &system {
        if !doc.gold.iter().any(|g| g.start < t.end && t.start < g.end) {
            out.push(format!(
                "FALSE {:?} {} | {}",
                t.text,
                t.value,
                context(t.start, t.end)
            ));
        }
    }
    out
}

/// Scores the tagger on documents.
pub fn score_docs(docs: &[TimeMlDoc]) -> Scores {
    let mut total = Scores::default();
    for d in docs {
        total.add(score_doc(d));
    }
    total
}

/// Reads every `.tml` file below `dir`.
pub fn read_dir(dir: &Path) -> Result<Vec<TimeMlDoc>, String> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries.filter_map(Result::ok) {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "tml") {
                paths.push(p);
            }
        }
    }
    if paths.is_empty() {
        return Err(format!("{}: no .tml files", dir.display()));
    }
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let xml = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let mut doc = parse_timeml(&xml).map_err(|e| format!("{}: {e}", p.display()))?;
            doc.name = p.display().to_string();
            Ok(doc)
        })
        .collect()
}

/// Scores every `.tml` file below `dir`.
pub fn score_dir(dir: &Path) -> Result<Scores, String> {
    Ok(score_docs(&read_dir(dir)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_entities_and_gold_spans() {
        let doc = parse_timeml(
            "<?xml version=\"1.0\"?>\n<TimeML><DOCID>x</DOCID>\
             <DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-02-06T10:00\">Feb 6</TIMEX3></DCT>\
             <TEXT>AT&amp;T said <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-02-05\">\
             Thursday</TIMEX3> &lt;up&gt; &#233;</TEXT></TimeML>",
        )
        .unwrap();
        assert_eq!(doc.dct, Some(jiff::civil::date(1998, 2, 6)));
        assert_eq!(doc.text, "AT&T said Thursday <up> é");
        assert_eq!(doc.gold.len(), 1);
        let g = &doc.gold[0];
        assert_eq!(
            (&doc.text[g.start..g.end], g.value.as_str()),
            ("Thursday", "1998-02-05")
        );
        assert!(parse_timeml("<TimeML><TEXT>open").is_err());
        assert!(parse_timeml("<TimeML></TimeML>").is_err());
    }

    #[test]
    fn prf_handles_empty_sides() {
        assert_eq!(prf(0, 0, 0), (0.0, 0.0, 0.0));
        let (p, r, f) = prf(1, 2, 4);
        assert_eq!((p, r), (0.5, 0.25));
        assert!((f - 1.0 / 3.0).abs() < 1e-9);
    }
}
