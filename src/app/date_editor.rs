//! The date editor: a text field read as you type ("Jan 9-10 2022", "early 2014"), with what
//! it was read as, or why it cannot be, right under it.

use egui::RichText;

use crate::edits::date;
use crate::story::When;

/// Draws the field and the reading; returns the date once the text reads as one.
pub fn show(ui: &mut egui::Ui, text: &mut String) -> (egui::Response, Result<When, String>) {
    let field = ui.add(
        egui::TextEdit::singleline(text)
            .hint_text("e.g. 2022-01-10, Jan 9-10 2022, March 2023, early 2014")
            .desired_width(320.0),
    );
    let parsed = date::parse(text);
    match &parsed {
        Ok(when) => {
            let range = if when.start == when.end {
                when.start.clone()
            } else {
                format!("{} to {}", when.start, when.end)
            };
            ui.label(
                RichText::new(format!(
                    "Reads as {} — {range} ({})",
                    super::dates::format_when(when),
                    granularity(when)
                ))
                .color(super::theme::accent(ui.visuals())),
            );
        }
        Err(e) => {
            ui.label(RichText::new(e.as_str()).color(ui.visuals().error_fg_color));
        }
    }
    (field, parsed)
}

fn granularity(when: &When) -> &'static str {
    use crate::story::Granularity::*;
    match when.granularity {
        Day if when.start != when.end => "days",
        Day => "day",
        Week => "week",
        Month => "month",
        Quarter => "quarter",
        Season => "season",
        Year => "year",
        Decade => "decade",
    }
}
