//! Links between people, with the events behind them.
