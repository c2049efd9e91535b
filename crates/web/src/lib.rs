//! The web app (skeleton; being built).
