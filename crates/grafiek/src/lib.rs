//! Charts (skeleton; being built).
