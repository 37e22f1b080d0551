//! The entity graph as GEXF 1.3, for Gephi and other network tools.

use std::fmt::Write;

use crate::story::Story;

/// Entities as nodes (kind, mention count) and links as weighted, labelled edges.
pub fn gexf(story: &Story) -> String {
    let mut out = String::new();
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n",
        "  <meta><creator>newsline</creator></meta>\n",
        "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n",
        "    <attributes class=\"node\">\n",
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n",
        "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n",
        "      <attribute id=\"roles\" title=\"roles\" type=\"string\"/>\n",
        "    </attributes>\n",
        "    <attributes class=\"edge\">\n",
        "      <attribute id=\"events\" title=\"events\" type=\"string\"/>\n",
        "    </attributes>\n",
        "    <nodes>\n",
    ));
    for e in &story.entities {
        let kind = serde_json::to_value(e.kind).expect("kind serializes");
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"kind\" value=\"{}\"/><attvalue for=\"mentions\" value=\"{}\"/><attvalue for=\"roles\" value=\"{}\"/></attvalues></node>",
            escape(&e.id),
            escape(&e.name),
            kind.as_str().unwrap_or_default(),
            e.mentions.len(),
            escape(&e.roles.join("; ")),
        );
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (i, l) in story.links.iter().enumerate() {
        let _ = writeln!(
            out,
            "      <edge id=\"e{i}\" source=\"{}\" target=\"{}\" weight=\"{}\" label=\"{}\"><attvalues><attvalue for=\"events\" value=\"{}\"/></attvalues></edge>",
            escape(&l.a),
            escape(&l.b),
            l.weight,
            escape(&l.label),
            escape(&l.events.join(" ")),
        );
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// Escapes text for an XML attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            super::escape("A&B <\"x\"> \u{1}"),
            "A&amp;B &lt;&quot;x&quot;&gt; "
        );
    }
}
