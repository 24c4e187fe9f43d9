INSERT INTO event VALUES (3, 'third');
