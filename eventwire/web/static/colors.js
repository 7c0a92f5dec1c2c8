// One colour per ACLED event type (map markers, timeline, legend).
export const TYPE_COLORS = {
  Battles: "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  Protests: "#27ae60",
  Riots: "#8d6e63",
  "Strategic developments": "#2c7fb8",
};
export const OTHER_COLOR = "#7f8c8d";

export function typeColor(type) {
  return TYPE_COLORS[type] || OTHER_COLOR;
}
