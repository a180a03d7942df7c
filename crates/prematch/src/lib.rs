//! meihe-prematch: recruitment-fair pre-matching.
