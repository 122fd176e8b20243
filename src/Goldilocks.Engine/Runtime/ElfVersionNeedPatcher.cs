using System.Buffers.Binary;
using System.Text;

namespace Goldilocks.Runtime;

/// <summary>
/// Rewrites version-need entries of an ELF64 little-endian shared object so that it no longer asks the
/// dynamic linker for GLIBCXX versions the system's libstdc++ lacks.
/// </summary>
/// <remarks>
/// Why this exists (see README, "Requirements"): TorchSharp 0.107's
/// libLibTorchSharp.so was linked by GCC 13 and lists GLIBCXX_3.4.32 in <c>.gnu.version_r</c> only for
/// <c>std::ios_base_library_init</c>, a symbol GCC 13's &lt;iostream&gt; references to pin the library version
/// but that has no relocation and is never called. Debian 12's libstdc++ stops at GLIBCXX_3.4.30, so
/// dlopen fails. Renaming the need to the newest version both files know (vna_name and vna_hash) makes the
/// library load; nothing else in the file changes.
/// </remarks>
internal static class ElfVersionNeedPatcher
{
    private const uint ShtGnuVerneed = 0x6ffffffe;

    /// <summary>One version need: the library <c>Library</c> requires the symbol version <c>Version</c> (ELF hash <c>Hash</c>, Vernaux entry at file offset <c>AuxOffset</c>).</summary>
    /// <param name="Library">File name of the needed library.</param>
    /// <param name="Version">Symbol version it must provide, e.g. GLIBC_2.38.</param>
    /// <param name="Hash">ELF hash of the version name.</param>
    /// <param name="AuxOffset">File offset of the Vernaux entry.</param>
    public sealed record VersionNeed(string Library, string Version, uint Hash, int AuxOffset);

    /// <summary>Every (library, version) pair the object needs, with the file offset of its Vernaux entry.</summary>
    public static IReadOnlyList<VersionNeed> ReadVersionNeeds(ReadOnlySpan<byte> elf, out int dynstrOffset, out int dynstrSize)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only ELF64 little-endian objects are supported");

        long shoff = (long)U64(elf, 0x28);
        int shentsize = U16(elf, 0x3A), shnum = U16(elf, 0x3C);
        dynstrOffset = -1;
        dynstrSize = 0;
        var needs = new List<VersionNeed>();
        for (int i = 0; i < shnum; i++)
        {
            int sh = checked((int)(shoff + (long)i * shentsize));
            if (U32(elf, sh + 4) != ShtGnuVerneed) continue;
            int offset = checked((int)U64(elf, sh + 0x18));
            int link = (int)U32(elf, sh + 0x28);
            int strSh = checked((int)(shoff + (long)link * shentsize));
            dynstrOffset = checked((int)U64(elf, strSh + 0x18));
            dynstrSize = checked((int)U64(elf, strSh + 0x20));
            int count = (int)U32(elf, sh + 0x2C); // sh_info = number of Verneed entries
            int vn = offset;
            for (int n = 0; n < count; n++)
            {
                int cnt = U16(elf, vn + 2);
                string file = CString(elf, dynstrOffset + (int)U32(elf, vn + 4));
                int aux = vn + (int)U32(elf, vn + 8);
                for (int a = 0; a < cnt; a++)
                {
                    needs.Add(new VersionNeed(file, CString(elf, dynstrOffset + (int)U32(elf, aux + 8)), U32(elf, aux), aux));
                    aux += (int)U32(elf, aux + 12);
                }
                vn += (int)U32(elf, vn + 12);
            }
        }
        return needs;
    }

    /// <summary>
    /// Renames every need on <c>libstdc++.so.6</c> whose version the system lacks to the newest GLIBCXX version
    /// that the system provides and whose name is already in the object's <c>.dynstr</c>.
    /// Returns the number of entries rewritten (0: nothing to do).
    /// </summary>
    public static int PatchGlibcxxNeeds(byte[] elf, ISet<string> systemVersions)
    {
        var needs = ReadVersionNeeds(elf, out int dynstr, out int dynstrSize);
        var missing = needs.Where(n => n.Library.StartsWith("libstdc++", StringComparison.Ordinal)
                                   && n.Version.StartsWith("GLIBCXX_", StringComparison.Ordinal) && !systemVersions.Contains(n.Version)).ToList();
        if (missing.Count == 0) return 0;

        var (replacement, replacementOffset) = NewestProvidedVersionIn(elf, dynstr, dynstrSize, systemVersions)
            ?? throw new InvalidDataException("no GLIBCXX version known to both the system libstdc++ and the library");
        foreach (var need in missing)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(need.AuxOffset), ElfHash(replacement));
            BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(need.AuxOffset + 8), (uint)(replacementOffset - dynstr));
        }
        return missing.Count;
    }

    /// <summary>The GLIBCXX_x.y.z version strings a libstdc++ binary defines.</summary>
    public static HashSet<string> GlibcxxVersionsIn(ReadOnlySpan<byte> library)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var marker = "GLIBCXX_"u8;
        int start = 0;
        while (true)
        {
            int i = library[start..].IndexOf(marker);
            if (i < 0) return found;
            i += start;
            int end = i + marker.Length;
            while (end < library.Length && (char.IsAsciiDigit((char)library[end]) || library[end] == (byte)'.')) end++;
            if (end < library.Length && library[end] == 0 && end > i + marker.Length)
                found.Add(Encoding.ASCII.GetString(library[i..end]));
            start = end;
        }
    }

    /// <summary>The System V ELF hash used in <c>vna_hash</c>.</summary>
    public static uint ElfHash(string name)
    {
        uint h = 0;
        foreach (byte c in Encoding.ASCII.GetBytes(name))
        {
            h = (h << 4) + c;
            uint g = h & 0xf0000000;
            if (g != 0) h ^= g >> 24;
            h &= ~g;
        }
        return h;
    }

    private static (string Name, int Offset)? NewestProvidedVersionIn(byte[] elf, int dynstr, int size, ISet<string> provided)
    {
        (string Name, int Offset)? best = null;
        Version? bestVersion = null;
        int p = dynstr;
        while (p < dynstr + size)
        {
            string s = CString(elf, p);
            if (s.StartsWith("GLIBCXX_", StringComparison.Ordinal) && provided.Contains(s)
                && Version.TryParse(s["GLIBCXX_".Length..], out var v) && (bestVersion is null || v > bestVersion))
            {
                best = (s, p);
                bestVersion = v;
            }
            p += Encoding.ASCII.GetByteCount(s) + 1;
        }
        return best;
    }

    private static string CString(ReadOnlySpan<byte> b, int at)
    {
        int len = b[at..].IndexOf((byte)0);
        if (len < 0) throw new InvalidDataException("unterminated string in .dynstr");
        return Encoding.ASCII.GetString(b.Slice(at, len));
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
    private static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);
    private static ulong U64(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);
}
