from course.classroom.access import email_allowed, hash_password, new_token, password_matches, token_matches


def test_tokens_are_long_random_and_compared_exactly():
    first, second = new_token(), new_token()
    assert first != second and len(first) >= 32
    assert token_matches(first, first)
    assert not token_matches(first[:-1], first)
    assert not token_matches(None, first) and not token_matches("", "")


def test_password_only_as_an_argon2_hash():
    stored = hash_password("correct horse")
    assert stored.startswith("$argon2") and "correct horse" not in stored
    assert password_matches(stored, "correct horse")
    assert not password_matches(stored, "wrong")
    assert not password_matches("not a hash", "correct horse")
    assert not password_matches(stored, None)


def test_allow_list_takes_addresses_and_domains():
    allowed = ["ana@school.fr", "@college-jaures.fr"]
    assert email_allowed("Ana@School.fr", allowed)
    assert email_allowed("b.martin@college-jaures.fr", allowed)
    assert not email_allowed("eve@evil-college-jaures.fr.example", allowed)
    assert not email_allowed("bob@school.fr", allowed)
    assert not email_allowed(None, allowed)
