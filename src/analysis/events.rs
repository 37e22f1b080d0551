//! Dated happenings, merged across sources.
