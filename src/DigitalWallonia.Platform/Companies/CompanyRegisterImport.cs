using System.Globalization;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Companies;

/// <summary>
/// Imports a BCE/KBO open-data extract folder into the company register (<c>dw companies import FOLDER</c>). Layout
/// (FPS Economy, "Cookbook KBO Open Data"): meta.csv (SnapshotDate, ExtractNumber, ExtractType full|update), code.csv,
/// enterprise.csv, establishment.csv, denomination.csv, address.csv, activity.csv; an update extract has
/// <c>X_delete.csv</c> (the entity numbers whose rows go) and <c>X_insert.csv</c> (their new rows) instead.
/// <para>
/// A full extract replaces the register: rows of every file are replaced, and an enterprise missing from it is marked
/// stopped (the open data lists active enterprises only). An update applies its deletes then its inserts; a deleted
/// enterprise is marked stopped, not removed. Importing an extract already imported changes nothing. Malformed rows,
/// numbers the register does not know and rows about stopped enterprises are reported with file and line, and counted;
/// the rest of the extract is applied. All of it is written in one transaction.
/// </para>
/// </summary>
public sealed class CompanyRegisterImport(PlatformDbContext db, TimeProvider time)
{
    private const string Full = "full";
    private const string Update = "update";
    private static readonly string[] Dated = ["dd-MM-yyyy", "yyyy-MM-dd"];

    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FormatException">meta.csv is missing or unreadable, or a file lacks a needed column; nothing is written.</exception>
    public async Task<CompanyImportReport> ImportAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No extract folder at '{folder}'.");
        }

        var (number, type, snapshot) = ReadMeta(folder);
        if (await db.Set<CompanyRegisterExtract>().AnyAsync(e => e.Number == number && e.Type == type, cancellationToken))
        {
            return new CompanyImportReport(number, type, snapshot, AlreadyImported: true, new Dictionary<string, int>(), 0, [], []);
        }

        var run = new Run(folder, type, number, snapshot);
        var last = await db.Set<CompanyRegisterExtract>().OrderByDescending(e => e.Number).Select(e => (int?)e.Number).FirstOrDefaultAsync(cancellationToken);
        if (type == Update && last is { } previous && number != previous + 1)
        {
            run.Warnings.Add(number <= previous
                ? $"update extract {number} is older than extract {previous}, already imported: its changes may undo newer ones"
                : $"update extract {number} follows extract {previous}: the updates between them are missing, import them or a full extract");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ImportCodesAsync(run, cancellationToken);
        await ImportEnterprisesAsync(run, cancellationToken);
        await ImportEstablishmentsAsync(run, cancellationToken);
        await ImportChildrenAsync<RegisteredDenomination>(run, "denomination", d => d.EntityNumber, ["EntityNumber", "Language", "TypeOfDenomination", "Denomination"], (csv, f, entity) =>
        {
            var name = csv.Get(f, "Denomination");
            return name is null ? (null, "no Denomination") : (RegisteredDenomination.New(entity, csv.Get(f, "Language") ?? "0", csv.Get(f, "TypeOfDenomination") ?? "", name), null);
        }, cancellationToken);
        await ImportChildrenAsync<RegisteredAddress>(run, "address", a => a.EntityNumber, ["EntityNumber", "TypeOfAddress", "Zipcode"], (csv, f, entity) =>
        {
            var addressType = csv.Get(f, "TypeOfAddress");
            return addressType is null
                ? (null, "no TypeOfAddress")
                : (RegisteredAddress.New(entity, addressType, csv.Get(f, "CountryFR") ?? csv.Get(f, "CountryNL"), csv.Get(f, "Zipcode"),
                    csv.Get(f, "MunicipalityFR") ?? csv.Get(f, "MunicipalityNL"), csv.Get(f, "StreetFR") ?? csv.Get(f, "StreetNL"),
                    csv.Get(f, "HouseNumber"), csv.Get(f, "Box")), null);
        }, cancellationToken);
        await ImportChildrenAsync<RegisteredActivity>(run, "activity", a => a.EntityNumber, ["EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification"], (csv, f, entity) =>
        {
            var code = csv.Get(f, "NaceCode");
            var version = csv.Get(f, "NaceVersion");
            var classification = csv.Get(f, "Classification");
            if (code is null || !code.All(char.IsAsciiDigit) || version is not ("2003" or "2008" or "2025") || classification is not ("MAIN" or "SECO" or "ANCI"))
            {
                return (null, $"NaceCode '{code}', NaceVersion '{version}', Classification '{classification}': expected digits, 2003/2008/2025, MAIN/SECO/ANCI");
            }

            return (RegisteredActivity.New(entity, csv.Get(f, "ActivityGroup") ?? "", version, code, classification), null);
        }, cancellationToken);

        db.Add(CompanyRegisterExtract.Imported(number, type, snapshot, time.GetUtcNow(), run.Applied.Values.Sum(), run.Errors.Count));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new CompanyImportReport(number, type, snapshot, AlreadyImported: false, run.Applied, run.Stopped, run.Errors, run.Warnings);
    }

    private static (int Number, string Type, DateOnly Snapshot) ReadMeta(string folder)
    {
        var path = Path.Combine(folder, "meta.csv");
        if (!File.Exists(path))
        {
            throw new FormatException($"'{folder}' has no meta.csv: it is not a BCE/KBO open-data extract (meta.csv gives its number, type and date).");
        }

        var csv = KboCsv.Read(path, "Variable", "Value");
        var values = csv.Rows.Where(r => r.Fields is not null)
            .ToDictionary(r => csv.Get(r.Fields!, "Variable") ?? "", r => csv.Get(r.Fields!, "Value"), StringComparer.OrdinalIgnoreCase);
        var number = values.GetValueOrDefault("ExtractNumber") is { } n && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed : throw new FormatException($"meta.csv: ExtractNumber is missing or not a number ('{values.GetValueOrDefault("ExtractNumber")}').");
        var type = values.GetValueOrDefault("ExtractType")?.ToLowerInvariant();
        type = type is Full or Update
            ? type : throw new FormatException($"meta.csv: ExtractType is '{values.GetValueOrDefault("ExtractType")}'; expected full or update.");
        var snapshot = TryDate(values.GetValueOrDefault("SnapshotDate"), out var day)
            ? day : throw new FormatException($"meta.csv: SnapshotDate '{values.GetValueOrDefault("SnapshotDate")}' is not a date (dd-MM-yyyy).");
        return (number, type, snapshot);
    }

    private async Task ImportCodesAsync(Run run, CancellationToken cancellationToken)
    {
        var csv = run.Open("code", insert: true, "Category", "Code", "Language", "Description");
        if (csv is null)
        {
            return;
        }

        var existing = await db.Set<RegisterCode>().ToDictionaryAsync(c => (c.Category, c.Code, c.Language), cancellationToken);
        foreach (var (line, fields, error) in csv.Rows)
        {
            if (fields is null)
            {
                run.Error(csv, line, error!);
                continue;
            }

            var (category, code, language, description) = (csv.Get(fields, "Category"), csv.Get(fields, "Code"), csv.Get(fields, "Language"), csv.Get(fields, "Description"));
            if (category is null || code is null || language is null || description is null)
            {
                run.Error(csv, line, "Category, Code, Language and Description are all needed");
                continue;
            }

            if (existing.TryGetValue((category, code, language), out var row))
            {
                row.Describe(description);
            }
            else
            {
                existing[(category, code, language)] = row = RegisterCode.New(category, code, language, description);
                db.Add(row);
            }

            run.Count("code");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ImportEnterprisesAsync(Run run, CancellationToken cancellationToken)
    {
        var known = await db.Set<RegisteredEnterprise>().ToDictionaryAsync(e => e.Number.Digits, cancellationToken);
        foreach (var csv in run.Deletes("enterprise"))
        {
            foreach (var (line, fields, error) in csv.Rows)
            {
                if (!run.TryEntity(csv, line, fields, error, "EntityNumber", out var number))
                {
                    continue;
                }

                if (known.TryGetValue(number, out var enterprise))
                {
                    if (enterprise.StoppedOn is null)
                    {
                        run.Stopped++;
                    }

                    enterprise.Stop(run.Snapshot, run.Number);
                }
                else
                {
                    run.Error(csv, line, $"unknown enterprise number {BelgianCompanyNumber.Format(number)}: the register has nothing to delete");
                }
            }
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        var insert = run.Open("enterprise", insert: true, "EnterpriseNumber", "Status", "JuridicalSituation", "TypeOfEnterprise", "JuridicalForm", "StartDate");
        if (insert is not null)
        {
            foreach (var (line, fields, error) in insert.Rows)
            {
                if (!run.TryEntity(insert, line, fields, error, "EnterpriseNumber", out var number))
                {
                    continue;
                }

                if (number[0] is not ('0' or '1'))
                {
                    run.Error(insert, line, $"{insert.Get(fields!, "EnterpriseNumber")} is an establishment unit number, not an enterprise number");
                    continue;
                }

                var status = insert.Get(fields!, "Status");
                var situation = insert.Get(fields!, "JuridicalSituation");
                var kind = insert.Get(fields!, "TypeOfEnterprise");
                if (status is null || situation is null || kind is null || !TryDate(insert.Get(fields!, "StartDate"), out var start))
                {
                    run.Error(insert, line, $"Status, JuridicalSituation, TypeOfEnterprise and a StartDate (dd-MM-yyyy) are needed; got '{status}', '{situation}', '{kind}', '{insert.Get(fields!, "StartDate")}'");
                    continue;
                }

                if (!known.TryGetValue(number, out var enterprise))
                {
                    known[number] = enterprise = RegisteredEnterprise.New(EnterpriseNumber.Parse(number));
                    db.Add(enterprise);
                }

                enterprise.Update(status, situation, kind, insert.Get(fields!, "JuridicalForm"), start, run.Number);
                listed.Add(number);
                if (status != RegisteredEnterprise.ActiveStatus)
                {
                    run.Error(insert, line, $"enterprise {BelgianCompanyNumber.Format(number)} has status '{status}', not active (AC): kept, marked stopped");
                    enterprise.Stop(run.Snapshot, run.Number);
                }

                run.Count("enterprise");
            }
        }

        if (run.Type == Full && insert is not null)
        {
            foreach (var enterprise in known.Values.Where(e => !listed.Contains(e.Number.Digits) && e.StoppedOn is null))
            {
                enterprise.Stop(run.Snapshot, run.Number);
                run.Stopped++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        run.Enterprises = known.ToDictionary(k => k.Key, k => k.Value.StoppedOn, StringComparer.Ordinal);
    }

    private async Task ImportEstablishmentsAsync(Run run, CancellationToken cancellationToken)
    {
        var known = await db.Set<RegisteredEstablishment>().ToDictionaryAsync(u => u.Number.Digits, cancellationToken);
        var insert = run.Open("establishment", insert: true, "EstablishmentNumber", "StartDate", "EnterpriseNumber");
        var removed = run.Type == Full && insert is not null
            ? [.. known.Keys]
            : run.Deletes("establishment").SelectMany(csv => csv.Rows.Select(r => (csv, r))).Select(x =>
                run.TryEntity(x.csv, x.r.Line, x.r.Fields, x.r.Error, "EntityNumber", out var n) ? n : null).OfType<string>().ToList();
        foreach (var number in removed)
        {
            if (known.Remove(number, out var unit))
            {
                db.Remove(unit);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (insert is not null)
        {
            foreach (var (line, fields, error) in insert.Rows)
            {
                if (!run.TryEntity(insert, line, fields, error, "EstablishmentNumber", out var number)
                    || !run.TryEntity(insert, line, fields, null, "EnterpriseNumber", out var enterprise))
                {
                    continue;
                }

                if (!EstablishmentUnitNumber.TryParse(number, out var unitNumber, out var problem))
                {
                    run.Error(insert, line, problem);
                    continue;
                }

                if (!TryDate(insert.Get(fields!, "StartDate"), out var start))
                {
                    run.Error(insert, line, $"StartDate '{insert.Get(fields!, "StartDate")}' is not a date (dd-MM-yyyy)");
                    continue;
                }

                if (!run.EnterpriseAccepts(insert, line, enterprise))
                {
                    continue;
                }

                if (known.Remove(number, out var old))
                {
                    db.Remove(old);
                }

                var unit = RegisteredEstablishment.New(unitNumber, EnterpriseNumber.Parse(enterprise), start);
                known[number] = unit;
                db.Add(unit);
                run.Count("establishment");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        run.Establishments = known.ToDictionary(k => k.Key, k => k.Value.EnterpriseNumber.Digits, StringComparer.Ordinal);
    }

    // Denominations, addresses and activities: rows of an entity (enterprise or establishment unit) are replaced whole.
    private async Task ImportChildrenAsync<T>(Run run, string file, Func<T, string> entityOf, string[] columns, Func<KboCsv, List<string>, string, (T? Row, string? Error)> create,
        CancellationToken cancellationToken)
        where T : class
    {
        var insert = run.Open(file, insert: true, columns);
        var set = db.Set<T>();
        if (run.Type == Full && insert is not null)
        {
            await set.ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            var deleted = run.Deletes(file).SelectMany(csv => csv.Rows.Select(r => (csv, r)))
                .Select(x => run.TryEntity(x.csv, x.r.Line, x.r.Fields, x.r.Error, "EntityNumber", out var n) ? n : null)
                .OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (deleted.Count > 0)
            {
                var rows = (await set.ToListAsync(cancellationToken)).Where(r => deleted.Contains(entityOf(r))).ToList();
                set.RemoveRange(rows);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        if (insert is null)
        {
            return;
        }

        var pending = 0;
        foreach (var (line, fields, error) in insert.Rows)
        {
            if (!run.TryEntity(insert, line, fields, error, "EntityNumber", out var entity) || !run.EntityAccepts(insert, line, entity))
            {
                continue;
            }

            var (row, problem) = create(insert, fields!, entity);
            if (row is null)
            {
                run.Error(insert, line, problem!);
                continue;
            }

            set.Add(row);
            run.Count(file);
            if (++pending == 1000)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool TryDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, Dated, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>The state of one import: the folder, what was applied, the errors, and the numbers known so far.</summary>
    private sealed class Run(string folder, string type, int number, DateOnly snapshot)
    {
        public string Type { get; } = type;

        public int Number { get; } = number;

        public DateOnly Snapshot { get; } = snapshot;

        public Dictionary<string, int> Applied { get; } = new(StringComparer.Ordinal);

        public List<CompanyImportError> Errors { get; } = [];

        public List<string> Warnings { get; } = [];

        public int Stopped { get; set; }

        /// <summary>Every enterprise the register knows after the enterprise files, with the day it stopped (null: active).</summary>
        public Dictionary<string, DateOnly?> Enterprises { get; set; } = [];

        /// <summary>Every establishment unit after the establishment files, with its enterprise.</summary>
        public Dictionary<string, string> Establishments { get; set; } = [];

        public void Count(string file) => Applied[file] = Applied.GetValueOrDefault(file) + 1;

        public void Error(KboCsv csv, int line, string message) => Errors.Add(new CompanyImportError(csv.FileName, line, message));

        /// <summary>X.csv in a full extract, X_insert.csv in an update; null when the extract has no such file.</summary>
        public KboCsv? Open(string file, bool insert, params string[] columns)
        {
            var name = Type == Full ? $"{file}.csv" : insert ? $"{file}_insert.csv" : $"{file}_delete.csv";
            var path = Path.Combine(folder, name);
            return File.Exists(path) ? KboCsv.Read(path, columns) : null;
        }

        public IEnumerable<KboCsv> Deletes(string file) =>
            Type == Update && Open(file, insert: false, "EntityNumber") is { } csv ? [csv] : [];

        /// <summary>Reads and checks the number in <paramref name="column"/>: an enterprise or an establishment unit number, as ten digits.</summary>
        public bool TryEntity(KboCsv csv, int line, List<string>? fields, string? rowError, string column, out string digits)
        {
            digits = "";
            if (fields is null)
            {
                Error(csv, line, rowError ?? "the row cannot be read");
                return false;
            }

            var text = csv.Get(fields, column);
            if (text is null)
            {
                Error(csv, line, $"{column} is empty");
                return false;
            }

            if (EnterpriseNumber.TryParse(text, out var enterprise, out var error))
            {
                digits = enterprise.Digits;
                return true;
            }

            if (EstablishmentUnitNumber.TryParse(text, out var unit, out var unitError))
            {
                digits = unit.Digits;
                return true;
            }

            Error(csv, line, $"{column}: {(text.TrimStart().StartsWith('0') || text.TrimStart().StartsWith('1') ? error : unitError)}");
            return false;
        }

        /// <summary>Whether rows may be added for <paramref name="enterprise"/>: the register knows it and it is not stopped.</summary>
        public bool EnterpriseAccepts(KboCsv csv, int line, string enterprise)
        {
            if (!Enterprises.TryGetValue(enterprise, out var stoppedOn))
            {
                Error(csv, line, $"unknown enterprise number {BelgianCompanyNumber.Format(enterprise)}: neither the register nor this extract's enterprise file has it");
                return false;
            }

            if (stoppedOn is { } day)
            {
                Error(csv, line, $"enterprise {BelgianCompanyNumber.Format(enterprise)} is stopped (since {day:yyyy-MM-dd}): its row is not applied");
                return false;
            }

            return true;
        }

        /// <summary>As <see cref="EnterpriseAccepts"/> for the enterprise itself or, for an establishment unit, its enterprise.</summary>
        public bool EntityAccepts(KboCsv csv, int line, string entity)
        {
            if (entity[0] is '0' or '1')
            {
                return EnterpriseAccepts(csv, line, entity);
            }

            if (!Establishments.TryGetValue(entity, out var enterprise))
            {
                Error(csv, line, $"unknown establishment unit number {entity[0]}.{entity[1..4]}.{entity[4..7]}.{entity[7..]}: neither the register nor this extract's establishment file has it");
                return false;
            }

            return EnterpriseAccepts(csv, line, enterprise);
        }
    }
}
