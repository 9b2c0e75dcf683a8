"""Every colour the PDFs print, as (red, green, blue).

The certificate is a keepsake on cream paper: warm and bright. The handout is printed, often in black and
white, on white paper: its ink keeps a contrast the figures beside it give (4.5:1 is the least for text).
"""

WHITE = (255, 255, 255)
NAVY = (33, 52, 110)  # headings, about 11:1 on white
TEAL = (20, 150, 140)

# the certificate
CREAM = (255, 251, 238)
MINT = (214, 240, 236)
CORAL = (240, 95, 75)
SUN = (255, 190, 30)
SUN_LIGHT = (255, 236, 170)
PINK = (245, 140, 175)
SKY = (90, 170, 235)
SLATE = (55, 60, 75)  # its text
SOFT_SLATE = (95, 105, 125)

# the handout
INK = (30, 34, 45)  # body text, about 15:1 on white
SOFT_INK = (70, 78, 95)  # secondary text, about 8:1
DEEP_TEAL = (0, 100, 92)  # phone numbers and addresses, about 6.5:1
TEAL_LIGHT = (226, 244, 241)
CORAL_DARK = (176, 38, 26)  # emergency, about 6.5:1
CORAL_LIGHT = (253, 232, 228)
RULE = (196, 202, 214)
BAND_COLOURS = ((255, 232, 160), (208, 230, 250), (232, 220, 246))  # 7–10, 11–13, 14–17
