"""A lesson's print pack, for a class without devices: one A4 PDF in French or English, per country
(no Streamlit). In order:

1. the slides: a title slide, then one landscape page per step in big type (text, key messages, chats
   as bubbles, the activities lettered A, B, C…, summaries, the help card with the country's lines as
   the app words them for the lesson's band);
2. the pupil worksheet: every activity of the lesson, then its quiz, with boxes to tick or number, the
   choices in the order of the pack's seed, and never an answer;
3. the answer key: the same numbers and letters, each right answer and the feedback on every choice;
4. the teacher's notes: what to do if a pupil tells you something, then step by step (notes, discussion
   prompts, where each activity is on the worksheet) and the lesson's sources.

- `blocks.py`: the pages (geometry, footer) and the blocks they are made of
- `markup.py`: the content's markdown as blocks, in printable characters
- `activities.py`: each activity type on the worksheet and in the key
- `slides.py`, `sheets.py` (worksheet and key), `notes.py`: the parts
- `document.py`: the whole pack and its file name

Everything is read from the loaded course the caller passes in (the lesson YAML, its quiz,
course/data/helplines.yaml) and from the UI strings (`pack.*`); fonts and characters:
course/pdf/text.py.
"""

from course.pdf.pack.document import PRINT_SEED, PackError, pack_filename, pack_pdf

__all__ = ["PRINT_SEED", "PackError", "pack_filename", "pack_pdf"]
