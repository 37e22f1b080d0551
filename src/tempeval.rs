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

/// Parses the TimeML of one file.
pub fn parse_timeml(xml: &str) -> Result<TimeMlDoc, String> {
    let dct = xml
        .find("<DCT>")
        .and_then(|i| attribute(&xml[i..], "value"))
        .and_then(|v| v.get(..10).and_then(|d| d.parse().ok()));
    let open = xml.find("<TEXT>").ok_or("no <TEXT> element")? + "<TEXT>".len();
    let close = xml[open..].find("</TEXT>").ok_or("no </TEXT>")? + open;
    let body = &xml[open..close];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut pending: Option<GoldTimex> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&decode_entities(&rest[..lt]));
        let gt = rest[lt..].find('>').ok_or("unclosed tag")? + lt;
        let tag = &rest[lt..=gt];
        if tag.starts_with("<TIMEX3") {
            pending = Some(GoldTimex {
                start: text.len(),
                end: text.len(),
                kind: attribute(tag, "type").unwrap_or_default(),
                value: attribute(tag, "value").unwrap_or_default(),
            });
        } else if tag.starts_with("</TIMEX3")
            && let Some(mut t) = pending.take()
        {
            t.end = text.len();
            gold.push(t);
        }
        rest = &rest[gt + 1..];
    }
    text.push_str(&decode_entities(rest));
    Ok(TimeMlDoc {
        name: String::new(),
        dct,
        text,
        gold,
    })
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(decode_entities(&tag[start..end]))
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
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
    fn prf_handles_empty_sides() {
        assert_eq!(prf(0, 0, 0), (0.0, 0.0, 0.0));
        let (p, r, f) = prf(1, 2, 4);
        assert_eq!((p, r), (0.5, 0.25));
        assert!((f - 1.0 / 3.0).abs() < 1e-9);
    }
}
