"""Online-safety lessons and quizzes for classrooms, homes and parent evenings."""
