// The theme's Font Awesome script replaces <i> icons with <svg>, which breaks the click
// handler of ipywidgets' Play button; "nest" keeps the <i> element (TOOLCHAIN.md).
window.FontAwesomeConfig = Object.assign(window.FontAwesomeConfig || {}, { autoReplaceSvg: "nest" });
