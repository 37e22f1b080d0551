//! The comparison on small invented stories.
