"""Paper answer cards: printing them and reading a photo of a class holding them up."""
