//! The entity graph as GEXF 1.3, for Gephi and other network tools, written with quick-xml.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, Event};

use super::xml::attribute;
use crate::story::Story;

/// Entities as nodes (kind, mention count) and links as weighted, labelled edges.
pub fn gexf(story: &Story) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    write(story, &mut writer).expect("writing into memory cannot fail");
    let mut out = String::from_utf8(writer.into_inner()).expect("quick-xml writes UTF-8");
    out.push('\n');
    out
}

fn write(story: &Story, w: &mut Writer<Vec<u8>>) -> std::io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("gexf")
        .with_attributes([("xmlns", "http://gexf.net/1.3"), ("version", "1.3")])
        .write_inner_content(|w| {
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator")
                    .write_text_content(quick_xml::events::BytesText::new("newsline"))?;
                Ok(())
            })?;
            w.create_element("graph")
                .with_attributes([("defaultedgetype", "undirected"), ("mode", "static")])
                .write_inner_content(|w| {
                    declare(
                        w,
                        "node",
                        &[
                            ("kind", "string"),
                            ("mentions", "integer"),
                            ("roles", "string"),
                        ],
                    )?;
                    declare(w, "edge", &[("events", "string")])?;
                    w.create_element("nodes").write_inner_content(|w| {
                        for e in &story.entities {
                            let kind = serde_json::to_value(e.kind).expect("kind serializes");
                            let mentions = e.mentions.len().to_string();
                            let roles = e.roles.join("; ");
                            w.create_element("node")
                                .with_attribute(attribute("id", &e.id))
                                .with_attribute(attribute("label", &e.name))
                                .write_inner_content(|w| {
                                    values(
                                        w,
                                        &[
                                            ("kind", kind.as_str().unwrap_or_default()),
                                            ("mentions", &mentions),
                                            ("roles", &roles),
                                        ],
                                    )
                                })?;
                        }
                        Ok(())
                    })?;
                    w.create_element("edges").write_inner_content(|w| {
                        for (i, l) in story.links.iter().enumerate() {
                            let (id, weight) = (format!("e{i}"), l.weight.to_string());
                            let events = l.events.join(" ");
                            w.create_element("edge")
                                .with_attribute(attribute("id", &id))
                                .with_attribute(attribute("source", &l.a))
                                .with_attribute(attribute("target", &l.b))
                                .with_attribute(attribute("weight", &weight))
                                .with_attribute(attribute("label", &l.label))
                                .write_inner_content(|w| values(w, &[("events", &events)]))?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// `<attributes class="...">`: the typed attributes that nodes or edges carry.
fn declare(
    w: &mut Writer<Vec<u8>>,
    class: &str,
    attributes: &[(&str, &str)],
) -> std::io::Result<()> {
    w.create_element("attributes")
        .with_attribute(("class", class))
        .write_inner_content(|w| {
            for (id, kind) in attributes {
                w.create_element("attribute")
                    .with_attributes([("id", *id), ("title", *id), ("type", *kind)])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

/// `<attvalues>` of one node or edge.
fn values(w: &mut Writer<Vec<u8>>, values: &[(&str, &str)]) -> std::io::Result<()> {
    w.create_element("attvalues").write_inner_content(|w| {
        for (key, value) in values {
            w.create_element("attvalue")
                .with_attribute(attribute("for", key))
                .with_attribute(attribute("value", value))
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::story::{Entity, EntityKind, Link, Story};

    #[test]
    fn names_with_markup_survive_a_round_trip_through_an_xml_parser() {
        let mut story = Story::new();
        story.entities.push(Entity {
            id: "p1".into(),
            kind: EntityKind::Person,
            name: "A&B <\"x\"> 'y'\u{1}".into(),
            aliases: Vec::new(),
            roles: vec!["chair & host".into()],
            mentions: Vec::new(),
            edited: false,
        });
        story.links.push(Link {
            a: "p1".into(),
            b: "p1".into(),
            weight: 1.5,
            label: "meet <with>".into(),
            events: vec!["v1".into()],
            edited: false,
        });
        let xml = super::gexf(&story);
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut labels = Vec::new();
        loop {
            match reader.read_event().unwrap() {
                quick_xml::events::Event::Eof => break,
                quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                    for a in e.attributes() {
                        let a = a.unwrap();
                        if a.key.as_ref() == b"label" {
                            labels.push(
                                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                    .unwrap()
                                    .into_owned(),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
        assert_eq!(labels, ["A&B <\"x\"> 'y'", "meet <with>"]);
    }
}
