//! Colours and visuals: one palette for both themes, readable on a projector.

use egui::{Color32, Context, Visuals};

use crate::story::EntityKind;

/// Light or dark window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    #[default]
    Dark,
    Light,
}

impl Theme {
    pub fn toggled(self) -> Self {
        match self {
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::Dark,
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "dark" => Some(Theme::Dark),
            "light" => Some(Theme::Light),
            _ => None,
        }
    }
}

/// Shows the window in `theme`, styling both themes once per context.
pub fn apply(ctx: &Context, theme: Theme) {
    let styled = egui::Id::unique("newsline-styled");
    if !ctx.data(|d| d.get_temp::<bool>(styled)).unwrap_or(false) {
        for dark in [true, false] {
            let which = if dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            };
            ctx.style_mut_of(which, |s| {
                s.visuals = visuals(dark);
                s.spacing.item_spacing = egui::vec2(8.0, 5.0);
                s.spacing.button_padding = egui::vec2(7.0, 3.0);
            });
        }
        ctx.data_mut(|d| d.insert_temp(styled, true));
    }
    let wanted = match theme {
        Theme::Dark => egui::Theme::Dark,
        Theme::Light => egui::Theme::Light,
    };
    if ctx.theme() != wanted {
        ctx.set_theme(wanted);
    }
}

fn visuals(dark: bool) -> Visuals {
    let mut visuals = if dark {
        Visuals::dark()
    } else {
        Visuals::light()
    };
    if dark {
        visuals.panel_fill = Color32::from_rgb(24, 26, 31);
        visuals.window_fill = Color32::from_rgb(30, 33, 39);
        visuals.extreme_bg_color = Color32::from_rgb(17, 19, 23);
        visuals.faint_bg_color = Color32::from_rgb(32, 35, 42);
    } else {
        visuals.panel_fill = Color32::from_rgb(248, 248, 246);
        visuals.extreme_bg_color = Color32::WHITE;
        visuals.faint_bg_color = Color32::from_rgb(238, 239, 236);
    }
    visuals.selection.bg_fill = accent_for(dark).gamma_multiply(0.45);
    visuals
}

fn accent_for(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 167, 38)
    } else {
        Color32::from_rgb(214, 96, 0)
    }
}

/// The highlight colour of selections.
pub fn accent(visuals: &Visuals) -> Color32 {
    accent_for(visuals.dark_mode)
}

/// Colour of an entity kind: people blue, organizations purple, places green.
pub fn kind_color(kind: EntityKind, visuals: &Visuals) -> Color32 {
    match (kind, visuals.dark_mode) {
        (EntityKind::Person, true) => Color32::from_rgb(100, 170, 255),
        (EntityKind::Person, false) => Color32::from_rgb(30, 100, 200),
        (EntityKind::Organization, true) => Color32::from_rgb(200, 140, 255),
        (EntityKind::Organization, false) => Color32::from_rgb(130, 60, 190),
        (EntityKind::Place, true) => Color32::from_rgb(110, 210, 140),
        (EntityKind::Place, false) => Color32::from_rgb(30, 140, 70),
    }
}

/// Colour of event markers.
pub fn event_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(120, 180, 250)
    } else {
        Color32::from_rgb(40, 110, 200)
    }
}

/// Text that should recede (non-body sections, hints).
pub fn faint(visuals: &Visuals) -> Color32 {
    visuals.weak_text_color()
}
