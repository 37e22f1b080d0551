//! XML text, one way for every XML the project writes (GEXF, SVG): quick-xml's escaping, after
//! dropping the characters XML 1.0 cannot carry at all. Names and titles come from articles,
//! and an article may hold a stray control character; escaped or not, it makes the file
//! unreadable to any XML parser, so it is dropped.

use std::borrow::Cow;

use quick_xml::events::attributes::Attribute;

/// `text` escaped for XML content or a quoted attribute value (`&`, `<`, `>`, `"`, `'`).
pub fn escape(text: &str) -> Cow<'_, str> {
    match valid(text) {
        Cow::Borrowed(text) => quick_xml::escape::escape(text),
        Cow::Owned(text) => Cow::Owned(quick_xml::escape::escape(text.as_str()).into_owned()),
    }
}

/// An attribute for quick-xml's writer, its value escaped as [`escape`] does.
pub fn attribute<'a>(key: &'a str, value: &'a str) -> Attribute<'a> {
    Attribute {
        key: quick_xml::name::QName(key.as_bytes()),
        value: match escape(value) {
            Cow::Borrowed(v) => Cow::Borrowed(v.as_bytes()),
            Cow::Owned(v) => Cow::Owned(v.into_bytes()),
        },
    }
}

/// `text` without the characters XML 1.0 forbids (C0 controls but tab, newline and carriage
/// return; U+FFFE and U+FFFF).
fn valid(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        !((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')
            || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
    };
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_quotes_and_drops_what_xml_cannot_carry() {
        assert_eq!(
            escape("A&B <\"x\"> 'y' \u{1}\u{FFFF}\tz"),
            "A&amp;B &lt;&quot;x&quot;&gt; &apos;y&apos; \tz"
        );
        assert!(matches!(escape("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
