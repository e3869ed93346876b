delete from user_aliases
