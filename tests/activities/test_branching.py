from course.activities import Feedback, Result, grade
from course.activities.branching import StoryPath, help_path, unfinished_paths, walk
from tests.activities.factories import branching, feedback, invalid, node

# The default story: start -> (tell -> helped | hide -> worried -> (tell-later -> helped)).


def story_with_a_loop():
    return branching(
        node("start", ("tell", "helped"), ("wait", "worried")),
        node("worried", ("back", "start"), ("tell-later", "helped")),
        node("helped", seeks_help=True),
    )


def test_walk_starts_at_the_start_node():
    story = branching()
    assert walk(story, []) == (story.nodes[0], ())


def test_walk_follows_the_choices_and_collects_their_feedback():
    story = branching()
    assert walk(story, ["hide"]) == (story.nodes[1], (Feedback("hide", feedback("hide"), None),))


def test_a_finished_story_is_stored_ungraded_with_the_feedback_of_each_choice():
    assert grade(branching(), ["hide", "tell-later"]) == Result(
        answer=("hide", "tell-later"),
        correct=None,
        score=None,
        feedback=(
            Feedback("hide", feedback("hide"), None),
            Feedback("tell-later", feedback("tell-later"), None),
        ),
    )


def test_the_shortest_path_is_finished_too():
    assert grade(branching(), ("tell",)) == Result(
        answer=("tell",), correct=None, score=None, feedback=(Feedback("tell", feedback("tell"), None),)
    )


def test_an_unfinished_story_is_invalid():
    assert invalid(branching(), []) == "the story is not finished: node 'start' still offers choices"
    assert invalid(branching(), ["hide"]) == "the story is not finished: node 'worried' still offers choices"


def test_a_choice_of_another_node_is_invalid():
    assert (
        invalid(branching(), ["tell-later"])
        == "choice 'tell-later' is not offered at node 'start' (choices: tell, hide)"
    )


def test_a_choice_after_the_ending_is_invalid():
    assert invalid(branching(), ["tell", "hide"]) == "choice 'hide' comes after the ending 'helped'"


def test_a_learner_may_go_round_a_loop_before_finishing():
    result = grade(story_with_a_loop(), ["wait", "back", "wait", "tell-later"])
    assert result.answer == ("wait", "back", "wait", "tell-later")
    assert [f.item_id for f in result.feedback] == ["wait", "back", "wait", "tell-later"]


def test_the_shortest_way_to_help_and_no_unfinished_path_in_a_good_story():
    assert help_path(branching()) == StoryPath(("tell",), ("start", "helped"), loops=False)
    assert unfinished_paths(branching()) == []


def test_a_node_met_twice_ends_the_path_as_a_loop():
    loop = StoryPath(("wait", "back"), ("start", "worried", "start"), loops=True)
    assert unfinished_paths(story_with_a_loop()) == [loop]


def test_a_story_with_more_paths_than_atoms_is_checked_at_once():
    # 60 nodes with two choices each to the next: 2**59 paths, which enumerating them never finishes
    chain = [node(f"n{i}", ("a", f"n{i + 1}"), ("b", f"n{i + 1}")) for i in range(60)]
    story = branching(*chain, node("n60", seeks_help=True), start="n0")
    assert unfinished_paths(story) == []
    assert len(help_path(story).choices) == 60
    lost = branching(*chain, node("n60"), start="n0")
    [path] = unfinished_paths(lost)
    assert path.end == "n60" and not path.loops


def test_a_choice_leading_back_to_its_own_node_is_a_loop():
    story = branching(node("start", ("stay", "start"), ("tell", "helped")), node("helped", seeks_help=True))
    assert unfinished_paths(story) == [StoryPath(("stay",), ("start", "start"), loops=True)]


def test_an_ending_without_help_is_unfinished():
    story = branching(
        node("start", ("tell", "helped"), ("ignore", "alone")),
        node("helped", seeks_help=True),
        node("alone"),
    )
    assert unfinished_paths(story) == [StoryPath(("ignore",), ("start", "alone"), loops=False)]
    assert grade(story, ["ignore"]).answer == ("ignore",)


def test_a_choice_leading_to_a_missing_node_is_unfinished():
    story = branching(node("start", ("tell", "helped"), ("lost", "nowhere")), node("helped", seeks_help=True))
    assert unfinished_paths(story) == [StoryPath(("lost",), ("start", "nowhere"), loops=False)]
