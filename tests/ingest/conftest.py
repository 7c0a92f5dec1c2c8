"""Hand-written dispatches shared by the ingest tests (never copied from ../shared/data)."""

from __future__ import annotations

FR_PARAGRAPH = (
    "Des drones ont visé mercredi une base abritant des soldats américains dans l’ouest de "
    "l’Irak, a indiqué le commandement militaire dans un communiqué."
)
FR_SECOND = (
    "Selon les factions armées, une seconde attaque aurait visé la base d’al-Harir, au "
    "Kurdistan d’Irak, sans faire de blessé."
)
EN_PARAGRAPH = (
    "Three drones targeted a base hosting US troops in western Iraq on Wednesday, the military "
    "command said in a statement, adding that two were shot down."
)
DE_PARAGRAPH = (
    "Drei Drohnen haben am Mittwoch einen Stützpunkt mit amerikanischen Soldaten im Westen des "
    "Irak angegriffen, teilte das Militär in einer Erklärung mit."
)
FR_TEXT = f"{FR_PARAGRAPH}\n\n{FR_SECOND}\n"
