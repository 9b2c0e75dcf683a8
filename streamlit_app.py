from course.ui.app import main

main()
