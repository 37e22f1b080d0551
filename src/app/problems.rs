//! Lists of files that could not be read. A folder of 10,000 empty files gives 10,000 lines:
//! laid out whole they would cost the window a long pause every frame, so only the rows in
//! view are laid out (one line each, cut to fit, the whole line on hover).

/// The rows `lines` (file, problem) in a scroll area of at most `max_height` points, laying
/// out only those in view.
pub fn list(ui: &mut egui::Ui, max_height: f32, lines: &[(&str, &str)]) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .max_height(max_height)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, lines.len(), |ui, rows| {
            for &(file, problem) in &lines[rows] {
                ui.add(egui::Label::new(format!("{file}: {problem}")).truncate())
                    .on_hover_text(format!("{file}\n{problem}"));
            }
        });
}

/// The file and problem of each warning, for [`list`].
pub fn of_warnings(warnings: &[crate::corpus::LoadWarning]) -> Vec<(&str, &str)> {
    warnings
        .iter()
        .map(|w| (w.file.as_str(), w.problem.as_str()))
        .collect()
}

/// A failed load's problems (each already "file: problem"), for [`list`].
pub fn of_lines(lines: &[String]) -> Vec<(&str, &str)> {
    lines
        .iter()
        .map(|l| l.split_once(": ").unwrap_or((l.as_str(), "")))
        .collect()
}
