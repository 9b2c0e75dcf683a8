"""The app's pages, one module per route (course.ui.routes), each with a `render()`."""
